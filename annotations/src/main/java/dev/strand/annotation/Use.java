package dev.strand.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs middleware for the routes of the annotated controller class, or for the one annotated
 * route, in addition to the global middleware. Each class named must implement
 * {@code dev.strand.Middleware}; Strand uses the instance the app registered with
 * {@code Strand.Builder.middleware(...)}, or creates one with its public no-arg constructor.
 *
 * <p>Order: by {@code Middleware.order()}, then global before class before route, then as listed.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Use {
    /** The middleware classes, in the order they run (for equal {@code order()} values). */
    Class<?>[] value();
}
