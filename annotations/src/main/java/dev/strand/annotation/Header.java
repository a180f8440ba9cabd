package dev.strand.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Binds a handler parameter to a request header (case-insensitive), converted like
 * {@link PathParam}. A missing header gives {@code null} for reference types and 400 for primitives.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface Header {
    /** The header name, e.g. {@code "X-Request-Id"}. */
    String value();
}
