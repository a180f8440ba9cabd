package dev.strand.bench.load;

import org.eclipse.jetty.websocket.api.Session;

/**
 * A {@code ws-broadcast} subscriber: hands every message to the run. Public because Jetty binds
 * listener methods through method handles.
 */
public final class FanoutSubscriber extends Session.Listener.AbstractAutoDemanding {

    private final Fanout fanout;

    FanoutSubscriber(Fanout fanout) {
        this.fanout = fanout;
    }

    @Override
    public void onWebSocketText(String message) {
        fanout.deliver(message);
    }

    @Override
    public void onWebSocketError(Throwable cause) {
        fanout.failed(cause);
    }
}
