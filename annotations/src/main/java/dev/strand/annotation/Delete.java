package dev.strand.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Serves DELETE requests for a path pattern with the annotated method.
 *
 * <p>The pattern is made of static segments, {@code {name}} parameters, {@code {name:regex}}
 * parameters and a last {@code {name...}} segment that takes the rest of the path.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Delete {
    /** The path pattern, starting with {@code /}. */
    String value();
}
