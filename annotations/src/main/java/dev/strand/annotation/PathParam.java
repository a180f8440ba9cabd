package dev.strand.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Binds a handler parameter to a path parameter of the route, percent-decoded and converted to the
 * parameter's type ({@code String}, {@code int}, {@code long}, {@code boolean}, {@code UUID}, an enum,
 * or their boxed forms). A value that does not convert answers 400 naming the parameter.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface PathParam {
    /** The name used in the path pattern; empty means the Java parameter's name. */
    String value() default "";
}
