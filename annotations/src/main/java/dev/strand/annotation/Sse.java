package dev.strand.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Serves a Server-Sent Events stream on a path pattern. The annotated method takes a
 * {@code Context} and runs on a virtual thread of its own for the life of the stream.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Sse {
    /** The path pattern, as for {@link Get}. */
    String value();

    /** The HTTP method the stream answers, {@code "GET"} unless set. */
    String method() default "GET";

    /** Sends a heartbeat comment this often, in milliseconds, to notice a vanished client; -1 takes the server default. */
    long heartbeatMs() default -1;
}
