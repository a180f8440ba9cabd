package dev.strand.internal.http;

import dev.strand.ClosedException;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.eclipse.jetty.io.Content;
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

    /**
     * Writes {@code bytes} to the response, blocking until they are written (the blocking form of
     * Jetty's {@code Content.Sink.write}). Not for two threads at once: the caller serialises.
     *
     * @param last whether this is the end of the response
     * @throws ClosedException when the client is gone
     */
    public void write(boolean last, byte[] bytes) {
        try {
            Content.Sink.write(response, last, ByteBuffer.wrap(bytes));
        } catch (IOException e) {
            throw new ClosedException("client closed the connection", e);
        }
    }

    @Override
    public String toString() {
        return request.getMethod() + " " + request.getHttpURI().getPath();
    }
}
