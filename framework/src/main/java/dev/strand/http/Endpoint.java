package dev.strand.http;

/**
 * What a route leads to, made once at startup: its middleware and its handler, served the way
 * its channel (HTTP, WebSocket, SSE) needs.
 */
public interface Endpoint {

    /**
     * Serves a matched request on the request's virtual thread: runs the route's middleware, then
     * its handler. Failures propagate to the caller, which answers them.
     */
    void serve(StrandContext ctx) throws Exception;
}
