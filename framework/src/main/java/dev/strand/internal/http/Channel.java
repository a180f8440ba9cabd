package dev.strand.internal.http;

import dev.strand.websocket.WsClose;
import dev.strand.websocket.WsMessage;

/**
 * How a {@link StrandContext} talks to its peer: plain HTTP, an SSE stream or a WebSocket. The
 * Context's request getters and response setters are the same everywhere; only these operations
 * differ. Called on the handler's thread unless an implementation says otherwise.
 */
public interface Channel {

    /** Writes status, headers and the pending body ({@link dev.strand.Context#send()}). */
    void send(StrandContext ctx);

    /** Writes the pending body as the next part ({@link dev.strand.Context#sendBody()}). */
    void sendBody(StrandContext ctx);

    /** Writes text as the next part, leaving the pending body alone. */
    void sendText(StrandContext ctx, String text);

    /** Writes bytes as the next part, leaving the pending body alone. */
    void sendBinary(StrandContext ctx, byte[] bytes);

    /** The request body, or the next inbound message's bytes ({@link dev.strand.Context#requestBody()}). */
    byte[] receive(StrandContext ctx);

    /** The request body as a stream with the stream limit ({@link dev.strand.Context#requestBodyStream()}). */
    default java.io.InputStream requestBodyStream(StrandContext ctx) {
        throw new UnsupportedOperationException("requestBodyStream() reads HTTP request bodies; WebSocket routes receive() messages");
    }

    /** Sends one Server-Sent Event; SSE only. */
    default void sendEvent(StrandContext ctx, dev.strand.sse.SseEvent event) {
        throw new UnsupportedOperationException("sendEvent() is for @Sse routes; " + ctx.method() + " " + ctx.path() + " is not one");
    }

    /** The next inbound message, or {@code null} at the end; WebSocket only. */
    default WsMessage receiveMessage(StrandContext ctx) {
        throw new UnsupportedOperationException("receive() reads WebSocket messages; on " + ctx.method()
                + " routes read the body with requestBody()");
    }

    /** Sends a ping; WebSocket only. */
    default void ping(StrandContext ctx, byte[] payload) {
        throw new UnsupportedOperationException("ping() is for WebSocket connections");
    }

    /** How the connection closed, or {@code null}; WebSocket only. */
    default WsClose closeStatus() {
        return null;
    }

    /** What kind of exchange this channel carries. */
    default dev.strand.Context.Kind kind() {
        return dev.strand.Context.Kind.HTTP;
    }

    /** Whether the peer is known to be gone. */
    boolean closed();

    /** Ends the exchange on the handler's request ({@link dev.strand.Context#close()}). */
    void close(StrandContext ctx);

    /** Ends the exchange with a close code and reason; only a WebSocket says them to the peer. */
    default void close(StrandContext ctx, int code, String reason) {
        close(ctx);
    }

    /** Whether an error response can still be written (nothing committed yet). */
    boolean canRespond();

    /**
     * Finishes the exchange once the handler and middleware are done: sends what is still
     * pending, or tears the exchange down when {@link StrandContext#failure()} says nothing more
     * can be said to the peer. Runs the context's close actions.
     */
    void complete(StrandContext ctx);
}
