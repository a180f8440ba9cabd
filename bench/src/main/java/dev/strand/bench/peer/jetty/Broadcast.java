package dev.strand.bench.peer.jetty;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

/**
 * {@code /ws/broadcast} and {@code /ws/publish}: every text message a publisher sends goes to all
 * open subscribers. Sends are asynchronous and queue per subscriber in Jetty, so one slow
 * subscriber does not hold up the others. The endpoint classes are public because Jetty binds
 * listener methods through method handles.
 */
public final class Broadcast {

    private final Set<Session> subscribers = ConcurrentHashMap.newKeySet();

    /** An endpoint that receives broadcasts until it closes. */
    Subscriber subscriber() {
        return new Subscriber(subscribers);
    }

    /** An endpoint whose messages are broadcast. */
    Publisher publisher() {
        return new Publisher(subscribers);
    }

    /** Joins the subscribers when it opens and leaves when it closes. */
    public static final class Subscriber extends Session.Listener.AbstractAutoDemanding {

        private final Set<Session> subscribers;

        Subscriber(Set<Session> subscribers) {
            this.subscribers = subscribers;
        }

        @Override
        public void onWebSocketOpen(Session session) {
            super.onWebSocketOpen(session);
            subscribers.add(session);
        }

        @Override
        public void onWebSocketClose(int statusCode, String reason, Callback callback) {
            subscribers.remove(getSession());
            callback.succeed();
        }
    }

    /** Sends each message to every subscriber, then reads the next once all sends are queued. */
    public static final class Publisher extends Session.Listener.Abstract {

        private final Set<Session> subscribers;

        Publisher(Set<Session> subscribers) {
            this.subscribers = subscribers;
        }

        @Override
        public void onWebSocketOpen(Session session) {
            super.onWebSocketOpen(session);
            session.demand();
        }

        @Override
        public void onWebSocketText(String message) {
            for (var subscriber : subscribers) {
                // A failed send needs no handling here: that subscriber's close removes it.
                subscriber.sendText(message, Callback.NOOP);
            }
            getSession().demand();
        }
    }
}
