package dev.strand;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Thrown by a send when the peer is gone: the client closed the connection or stopped answering.
 * A handler may let it propagate; Strand then ends the exchange quietly, without an error log.
 */
public final class ClosedException extends UncheckedIOException {
    /**
     * A closed-connection failure with its cause.
     *
     * @param message what was closed, e.g. {@code "the SSE stream is closed"}
     * @param cause   the I/O failure that showed it
     */
    public ClosedException(String message, IOException cause) {
        super(message, cause);
    }

    /**
     * A closed-connection failure found without an I/O error.
     *
     * @param message what was closed
     */
    public ClosedException(String message) {
        super(message, new IOException(message));
    }
}
