package dev.strand.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Binds a handler parameter to the request body: {@code byte[]} and {@code String} as they are,
 * whatever their {@code Content-Type}; any other type decoded from JSON. Malformed JSON answers
 * 400 saying what was wrong and where. A body read as JSON must have {@code Content-Type:
 * application/json}, a {@code +json} type, or none; any other type answers 415 with {@code Accept:
 * application/json}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface Body {
}
