package dev.strand.internal.http;

import dev.strand.websocket.WsClose;
import dev.strand.websocket.WsMessage;

/**
 * How a {@link StrandContext} talks to its peer: plain HTTP, an SSE stream or a WebSocket. Each
 * channel holds its own exchange (Jetty's request, response and callback, or the WebSocket
 * session); the Context hands it the pending body with a send and never hears back. The Context's
 * request getters and response setters are the same everywhere; only these operations differ.
 * Called on the handler's thread unless an implementation says otherwise. A channel's
 * {@code toString()} names its request, e.g. {@code GET /chat}, for messages and the log.
 */
public interface Channel {

    /** Writes status, headers and {@code pending}, blocking until written ({@link dev.strand.Context#send()}). */
    void send(Body pending);

    /** Writes {@code pending} as the next part, blocking until written ({@link dev.strand.Context#sendBody()}). */
    void sendBody(Body pending);

    /** Writes text as the next part. */
    void sendText(String text);

    /** Writes bytes as the next part. */
    void sendBinary(byte[] bytes);

    /** The request body, or the next inbound message's bytes ({@link dev.strand.Context#requestBody()}). */
    byte[] receive();

    /** The request body as a stream with the stream limit ({@link dev.strand.Context#requestBodyStream()}). */
    default java.io.InputStream requestBodyStream() {
        throw new UnsupportedOperationException("requestBodyStream() reads HTTP request bodies; WebSocket routes receive() messages");
    }

    /** Sends one Server-Sent Event; SSE only. */
    default void sendEvent(dev.strand.sse.SseEvent event) {
        throw new UnsupportedOperationException("sendEvent() is for @Sse routes; " + this + " is not one");
    }

    /** The next inbound message, or {@code null} at the end; WebSocket only. */
    WsMessage receiveMessage();

    /** Sends a ping; WebSocket only. */
    default void ping(byte[] payload) {
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

    /** Ends the exchange, sending {@code pending} if nothing was sent yet ({@link dev.strand.Context#close()}). */
    void close(Body pending);

    /** Ends the exchange with a close code and reason; only a WebSocket says them to the peer. */
    default void close(Body pending, int code, String reason) {
        close(pending);
    }

    /** Whether an error response can still be written (nothing committed yet). */
    boolean canRespond();

    /**
     * Finishes the exchange once the handler and middleware are done: sends {@code pending} and
     * whatever else is due, or tears the exchange down when {@code failure} is not {@code null}
     * (nothing more can be said to the peer). Runs the exchange's close actions.
     */
    void complete(Body pending, Throwable failure);
}
