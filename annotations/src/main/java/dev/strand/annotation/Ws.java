package dev.strand.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Serves WebSocket connections on a path pattern. The annotated method takes a {@code Context} and
 * runs on a virtual thread of its own for the life of the connection, typically as a loop that
 * receives the next message and answers it. When it returns, the connection closes with 1000.
 *
 * <p>Numeric options left at {@code -1} take the server-wide default.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Ws {
    /** The path pattern, as for {@link Get}. */
    String value();

    /** Largest message accepted, in bytes; a larger one closes with 1009. */
    long maxMessageSize() default -1;

    /** Closes a connection that exchanged no frame for this long, in milliseconds. */
    long idleTimeoutMs() default -1;

    /** Sends a ping this often, in milliseconds; 0 turns server pings off. */
    long pingIntervalMs() default -1;

    /**
     * Browser origins allowed besides the server's own, e.g. {@code "https://example.com"}, or
     * {@code "*"}; empty takes the server default ({@code WsConfig.allowedOrigins}, which allows
     * only the same origin unless set).
     */
    String[] origins() default {};

    /** Subprotocols offered, in order of preference. */
    String[] subprotocols() default {};

    /** Whether permessage-deflate may be negotiated. */
    boolean compression() default true;
}
