package dev.strand.bench.load;

import org.eclipse.jetty.websocket.api.Session;

/**
 * A WebSocket client endpoint that ignores what it receives: idle connections and the broadcast
 * publisher. Public because Jetty binds listener methods through method handles.
 */
public final class QuietEndpoint extends Session.Listener.AbstractAutoDemanding {
}
