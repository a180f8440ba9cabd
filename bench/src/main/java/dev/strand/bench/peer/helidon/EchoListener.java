package dev.strand.bench.peer.helidon;

import io.helidon.websocket.WsListener;
import io.helidon.websocket.WsSession;

/** {@code /ws/echo}: sends every text frame back, on the connection's own virtual thread. */
final class EchoListener implements WsListener {

    @Override
    public void onMessage(WsSession session, String text, boolean last) {
        session.send(text, last);
    }
}
