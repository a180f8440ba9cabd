package dev.strand.demo;

/**
 * What a demo WebSocket sends back to the one client whose message it could not use, instead of
 * closing the connection: {@code {"type":"error","message":"..."}}.
 */
public record WsError(String type, String message) {
    public WsError(String message) {
        this("error", message);
    }
}
