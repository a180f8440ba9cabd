package dev.strand.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@code dev.strand.Middleware} class that the scan should find and run for every request,
 * like middleware passed to {@code Strand.Builder.use(...)}. It is created with its public no-arg
 * constructor unless the app registered an instance of it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Global {
}
