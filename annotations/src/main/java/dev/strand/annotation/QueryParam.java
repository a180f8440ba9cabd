package dev.strand.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Binds a handler parameter to the first value of a query parameter, converted like
 * {@link PathParam}. A missing parameter gives {@link #defaultValue()} when set, {@code null} for
 * reference types, and 400 naming the parameter for primitives.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface QueryParam {
    /** Marks "no default"; a value nobody writes in a query string. */
    String NO_DEFAULT = "\u0000strand:none\u0000";

    /** The query parameter's name; empty means the Java parameter's name. */
    String value() default "";

    /** The value used when the request has no such parameter. */
    String defaultValue() default NO_DEFAULT;
}
