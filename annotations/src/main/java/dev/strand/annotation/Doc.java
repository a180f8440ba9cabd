package dev.strand.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Describes a route, or every route of a controller class, in the API descriptions Strand serves
 * ({@code /openapi.json} for HTTP routes, {@code /asyncapi.json} for {@code @Ws} and {@code @Sse}
 * routes). Everything is optional: an undocumented route is still described from its path,
 * parameters and types.
 *
 * <p>On a class, {@link #tags()} apply to each of its routes and {@link #description()} describes
 * the tag; on a method, all four describe that route (its tags added to the class's).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Doc {
    /** A one-line summary; empty for none. */
    String summary() default "";

    /** A longer description (CommonMark); empty for none. */
    String description() default "";

    /** Tags that group routes in documentation tools; empty for none. */
    String[] tags() default {};

    /**
     * An example of the successful response body, as JSON text, e.g. {@code "{\"id\":\"lunch\"}"};
     * empty for none. Checked at startup: text that is not JSON stops the start naming the method.
     */
    String example() default "";
}
