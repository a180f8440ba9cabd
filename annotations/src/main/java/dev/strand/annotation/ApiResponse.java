package dev.strand.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a status an HTTP route answers with, for the OpenAPI description, typically one that
 * the method throws as an {@code HttpException}. Repeat it for several statuses:
 *
 * <pre>{@code
 * @Get("/polls/{id}")
 * @ApiResponse(status = 404, description = "no poll of that id")
 * public PollResults results(@PathParam String id) { ... }
 * }</pre>
 *
 * <p>A 4xx or 5xx status is described with Strand's error body ({@code {"error":..,"status":..}}).
 * A 2xx status takes the method's return type as its body, in place of the default 200: declare
 * {@code @ApiResponse(status = 201, ...)} on a method that answers 201.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Repeatable(ApiResponse.List.class)
public @interface ApiResponse {
    /** The HTTP status, 100 to 599. */
    int status();

    /** What the status means for this route, e.g. {@code "no poll of that id"}. */
    String description();

    /** Holds repeated {@link ApiResponse}s; written by the compiler, not by hand. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @interface List {
        /** The responses, in declaration order. */
        ApiResponse[] value();
    }
}
