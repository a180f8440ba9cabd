package dev.strand.bench.peer.jetty;

import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.StatusCode;

/**
 * {@code /ws/echo}: sends every text message back. It demands the next message only once the echo
 * is written, so a client that stops reading slows its own connection down and nobody else's.
 * Public because Jetty binds listener methods through method handles.
 */
public final class EchoEndpoint implements Session.Listener {

    private Session session;

    @Override
    public void onWebSocketOpen(Session session) {
        this.session = session;
        session.demand();
    }

    @Override
    public void onWebSocketText(String message) {
        session.sendText(message, Callback.from(session::demand, failure -> session.close(StatusCode.SERVER_ERROR, "send failed", Callback.NOOP)));
    }
}
