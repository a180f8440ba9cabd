package dev.strand.internal.json;

/** A request body that is not the JSON the handler asked for; its message is safe to show clients. */
public final class JsonDecodeException extends RuntimeException {
    JsonDecodeException(String message) {
        super(message, null, false, false);
    }
}
