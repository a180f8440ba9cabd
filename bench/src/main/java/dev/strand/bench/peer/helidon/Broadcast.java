package dev.strand.bench.peer.helidon;

import io.helidon.websocket.WsListener;
import io.helidon.websocket.WsSession;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code /ws/broadcast} and {@code /ws/publish}. Helidon's sends write to the socket on the
 * calling thread, so the publisher's thread writes to every subscriber in turn.
 */
final class Broadcast {

    private final Set<WsSession> subscribers = ConcurrentHashMap.newKeySet();

    /** The listener shared by all subscriber connections. */
    WsListener subscriber() {
        return new WsListener() {
            @Override
            public void onOpen(WsSession session) {
                subscribers.add(session);
            }

            @Override
            public void onClose(WsSession session, int status, String reason) {
                subscribers.remove(session);
            }

            @Override
            public void onError(WsSession session, Throwable t) {
                subscribers.remove(session);
            }
        };
    }

    /** The listener whose messages go to every subscriber. */
    WsListener publisher() {
        return new WsListener() {
            @Override
            public void onMessage(WsSession session, String text, boolean last) {
                for (var subscriber : subscribers) {
                    try {
                        subscriber.send(text, last);
                    } catch (RuntimeException gone) {
                        subscribers.remove(subscriber); // the socket closed under us; its own thread cleans up the rest
                    }
                }
            }
        };
    }
}
