package dev.strand.internal.json;

import dev.strand.HttpException;

/**
 * A request body (or WebSocket message) that is not the JSON the handler asked for: a 400
 * {@link HttpException} whose message says what was wrong and where, safe to show clients.
 */
public final class JsonDecodeException extends HttpException {
    JsonDecodeException(String message) {
        super(400, message);
    }
}
