package dev.strand;

/**
 * Ends a request with a status and a message meant for the client, e.g.
 * {@code throw new HttpException(404, "no user 42")}. The message goes on the wire as it is, so
 * it must not hold secrets. No stack trace is logged for it.
 */
public class HttpException extends RuntimeException {
    /** The status to answer with, 400..599. */
    private final int status;

    /**
     * An exception answering {@code status} with {@code message}.
     *
     * @param status  an HTTP status, 400..599
     * @param message the text for the client, sent as it is (as JSON {@code {"error":..}} to clients that accept JSON)
     * @throws IllegalArgumentException for a status outside 400..599
     */
    public HttpException(int status, String message) {
        super(message, null, false, false);
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("HttpException status must be 4xx or 5xx, was " + status);
        }
        this.status = status;
    }

    /** {@return the HTTP status to answer with, 400..599} */
    public int status() {
        return status;
    }
}
