package dev.strand.internal.metrics;

import dev.strand.Context;

/** Records plain HTTP exchanges; called on each request's thread. */
public interface HttpMeters {

    /** {@return the moment an exchange starts, to pass to {@link #end}} */
    long start();

    /**
     * Records a completed exchange, unless it became a WebSocket or an SSE stream: those are
     * counted by their own meters, not as one long request.
     *
     * @param exchange the completed exchange: its method, status and kind
     * @param route    the matched route's pattern, e.g. {@code /users/{id}}; {@code null} when none matched
     * @param start    what {@link #start()} returned for it
     */
    void end(Context exchange, String route, long start);
}
