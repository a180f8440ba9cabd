package dev.strand.bench.reliability;

import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.eclipse.jetty.websocket.api.Session;

/**
 * A WebSocket client endpoint of the scenarios: hands each text message to a consumer, and tells
 * how the connection closed. Public because Jetty binds listener methods through method handles.
 */
public final class WsEndpoint extends Session.Listener.AbstractAutoDemanding {

    /** The first text message. */
    final CompletableFuture<String> firstText = new CompletableFuture<>();
    /** The close code the server sent, 1006 when the connection dropped without one. */
    final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final Consumer<String> onText;

    WsEndpoint(Consumer<String> onText) {
        this.onText = onText;
    }

    @Override
    public void onWebSocketText(String message) {
        firstText.complete(message);
        onText.accept(message);
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason) {
        closed.complete(statusCode);
    }

    @Override
    public void onWebSocketError(Throwable cause) {
        firstText.completeExceptionally(cause);
        closed.complete(1006);
    }
}
