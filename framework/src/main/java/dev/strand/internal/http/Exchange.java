package dev.strand.internal.http;

import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * One Jetty exchange, as Jetty's handler received it: what a channel writes to and completes.
 *
 * @param request  the request; Jetty recycles it once the exchange (or a WebSocket upgrade) completes
 * @param response the response; committed once anything was written
 * @param callback completed once, when the exchange ends
 */
public record Exchange(Request request, Response response, Callback callback) {
    @Override
    public String toString() {
        return request.getMethod() + " " + request.getHttpURI().getPath();
    }
}
