package dev.strand.internal.http;

import dev.strand.internal.pipeline.Pipeline;

/**
 * What a route leads to, made once at startup: its whole middleware chain (global, class and
 * route middleware in order) and its handler, served the way its channel (HTTP, WebSocket, SSE)
 * needs.
 */
public interface Endpoint {

    /** The middleware that runs before {@link #serve}. */
    Pipeline middleware();

    /** Serves a matched request on the request's virtual thread once the middleware passed it on. */
    void serve(StrandContext ctx) throws Exception;
}
