package dev.strand.internal.http;

/**
 * The response body a Context holds when a send is asked for, handed to its {@link Channel} in the
 * same call, so the channel needs nothing more from the Context.
 *
 * @param bytes       the body set since the last send; empty if none
 * @param contentType the default content type of the body kind set last ({@link #TEXT},
 *                    {@link #BYTES} or {@link #JSON}), used when the response sets none; {@code null}
 *                    when no body was ever set
 */
public record Body(byte[] bytes, String contentType) {
    static final String TEXT = "text/plain; charset=utf-8";
    static final String BYTES = "application/octet-stream";
    static final String JSON = "application/json";

    /** Whether the body set last was bytes: a WebSocket sends it as a binary message, text otherwise. */
    public boolean binary() {
        return BYTES.equals(contentType);
    }
}
