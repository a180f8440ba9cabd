package dev.strand.bench.peer;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The SSE fan-out for peers whose streams write from the request's own virtual thread (raw Jetty
 * and Helidon): {@code POST /sse/publish} hands the event to every open stream's queue and
 * returns; each stream's thread takes events from its queue and writes them. This is the model
 * Strand uses, so raw Jetty shows what that model costs without a framework.
 */
public final class SseFanout {

    /** Events a stream may fall behind by before new ones are dropped for it. */
    private static final int CAPACITY = 1024;

    private final Set<Subscriber> subscribers = ConcurrentHashMap.newKeySet();

    /** Registers a new stream; close the subscriber when the stream ends. */
    public Subscriber subscribe() {
        var subscriber = new Subscriber();
        subscribers.add(subscriber);
        return subscriber;
    }

    /** Queues {@code data} for every open stream without blocking. */
    public void publish(String data) {
        for (var subscriber : subscribers) {
            subscriber.events.offer(data); // a full queue drops: a stalled client must not stall the publisher
        }
    }

    /** One open stream's queue of events. */
    public final class Subscriber implements AutoCloseable {

        private final BlockingQueue<String> events = new ArrayBlockingQueue<>(CAPACITY);

        private Subscriber() {
        }

        /**
         * Waits up to {@code timeout} for the next event.
         *
         * @return the event's data, or {@code null} when none came in time (write a heartbeat then)
         * @throws InterruptedException when the server stops
         */
        public String next(Duration timeout) throws InterruptedException {
            return events.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
        }

        /** Stops deliveries to this stream. */
        @Override
        public void close() {
            subscribers.remove(this);
        }
    }
}
