package dev.strand.http;

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

    /** The request body, or the next inbound message ({@link dev.strand.Context#requestBody()}). */
    byte[] receive(StrandContext ctx);

    /** Whether the peer is known to be gone. */
    boolean closed();

    /** Ends the exchange on the handler's request ({@link dev.strand.Context#close()}). */
    void close(StrandContext ctx);

    /** Whether an error response can still be written (nothing committed yet). */
    boolean canRespond();

    /**
     * Finishes the exchange once the handler and middleware are done: sends what is still
     * pending, or tears the exchange down when {@link StrandContext#failure()} says nothing more
     * can be said to the peer. Runs the context's close actions.
     */
    void complete(StrandContext ctx);
}
