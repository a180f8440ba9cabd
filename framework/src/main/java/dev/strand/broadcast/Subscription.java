package dev.strand.broadcast;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

/**
 * One subscriber's place in a topic: a bounded buffer of the messages published to the topic since
 * it subscribed, read in order with {@link #receive()}. Made by {@link Hub#subscribe(String)}.
 *
 * <p>Publishing never waits for a subscriber. When the buffer holds {@link #capacity()} messages
 * and another arrives, the oldest is dropped; the reader then gets a {@link Delivery.Lagged} with
 * the exact number dropped, followed by the oldest messages still kept.
 *
 * <p>A subscription that resumes after an id ({@link Hub#subscribe(String, MessageId)}) first
 * hands over what the topic's history holds after it (or a {@link Delivery.Gap} and the whole
 * history), then the live messages, skipping any the replay already gave.
 *
 * <p>Closing leaves the topic (the topic goes away with its last subscriber) and discards what is
 * still buffered. A subscription is closed by {@link #close()}, by the connection it
 * {@linkplain Hub#forward(dev.strand.Context, String) forwards to} ending, or by
 * {@link Hub#close()}.
 *
 * <p>Safe for use from any thread. Meant for one reader; with several, each delivery goes to one
 * of them.
 */
public final class Subscription implements AutoCloseable {
    /** Buffers start small and double up to the capacity, so idle subscribers of a big room stay cheap. */
    private static final int INITIAL_SLOTS = 16;

    private final String topic;
    private final int capacity;
    private final Hub hub;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition readable = lock.newCondition();
    private final Condition ended = lock.newCondition();
    private Delivery.Message[] ring;
    private int head;
    private int size;
    private long missed;
    /** A gap to report before the replay. */
    private boolean gap;
    /** History to hand over before the live messages; {@code null} once handed over. */
    private ArrayDeque<Delivery.Message> replay;
    /** The last id the replay held: live messages up to it were replayed already. */
    private MessageId replayed;
    private volatile boolean closed;
    /** Where {@link Hub#forward} sends each message at publish time, instead of the buffer; or {@code null}. */
    private final DirectSink sink;

    Subscription(String topic, int capacity, Hub hub, DirectSink sink) {
        this.topic = topic;
        this.capacity = capacity;
        this.hub = hub;
        this.sink = sink;
        this.ring = new Delivery.Message[sink != null ? 0 : Math.min(capacity, INITIAL_SLOTS)];
    }

    /** {@return the topic this subscription listens to} */
    public String topic() {
        return topic;
    }

    /** {@return how many messages the buffer holds before the oldest are dropped} */
    public int capacity() {
        return capacity;
    }

    /** {@return whether this subscription was closed; it then receives nothing more} */
    public boolean closed() {
        return closed;
    }

    /**
     * The next delivery, waiting as long as it takes for one. Meant for a virtual thread; waiting
     * holds no platform thread.
     *
     * @return the next message or lag notice, or {@code null} once the subscription is closed
     *         (also when it closes while waiting)
     * @throws InterruptedException if the waiting thread is interrupted
     */
    public Delivery receive() throws InterruptedException {
        lock.lockInterruptibly();
        try {
            while (!deliverable()) readable.await();
            return take();
        } finally {
            lock.unlock();
        }
    }

    /**
     * The next delivery, waiting at most {@code timeout} for one.
     *
     * @param timeout the longest wait; zero or negative does not wait
     * @return the next message or lag notice, or {@code null} when none came in time or the
     *         subscription is closed ({@link #closed()} tells which)
     * @throws InterruptedException if the waiting thread is interrupted
     */
    public Delivery receive(Duration timeout) throws InterruptedException {
        lock.lockInterruptibly();
        try {
            await(readable, this::deliverable, timeout);
            return take();
        } finally {
            lock.unlock();
        }
    }

    /** {@return the next delivery if one is waiting, without waiting; {@code null} if none is, or once closed} */
    public Delivery poll() {
        lock.lock();
        try {
            return take();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits until this subscription is closed, however long that is: for a handler whose
     * connection is served by {@link Hub#forward(dev.strand.Context, String) forward} and has
     * nothing else to do. Returns at once if already closed.
     *
     * @throws InterruptedException if the waiting thread is interrupted
     */
    public void awaitClosed() throws InterruptedException {
        lock.lockInterruptibly();
        try {
            while (!closed) ended.await();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits at most {@code timeout} until this subscription is closed.
     *
     * @param timeout the longest wait; zero or negative does not wait
     * @return whether it is closed
     * @throws InterruptedException if the waiting thread is interrupted
     */
    public boolean awaitClosed(Duration timeout) throws InterruptedException {
        lock.lockInterruptibly();
        try {
            return await(ended, this::closed, timeout);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Leaves the topic and discards what is buffered. Waiting readers get {@code null}. Safe to
     * call more than once and from any thread.
     */
    @Override
    public void close() {
        lock.lock();
        try {
            if (closed) return;
            closed = true;
            ring = null;
            size = 0;
            missed = 0;
            readable.signalAll();
            ended.signalAll();
        } finally {
            lock.unlock();
        }
        hub.leave(this);
    }

    /**
     * Buffers a message, dropping the oldest when full; never waits except for the buffer's lock,
     * which readers hold only to take one item. A subscription with a {@link DirectSink} hands the
     * message to it instead, on the publisher's thread.
     *
     * @return whether it was buffered or sent; {@code false} once closed
     */
    boolean offer(Delivery.Message message) {
        if (sink != null) return !closed && sink.send(message.text(), this);
        lock.lock();
        try {
            if (closed) return false;
            if (replayed != null && message.id() != null) {
                // ids arrive in order: once one is past the replay, every later one is too
                if (message.id().compareTo(replayed) <= 0) return true;
                replayed = null;
            }
            if (size == capacity) {
                head = next(head);
                size--;
                missed++;
                hub.metrics().dropped();
            } else if (size == ring.length) {
                grow();
            }
            ring[(head + size) % ring.length] = message;
            size++;
            readable.signal();
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Whether a reader has something to take: a lag notice, a message, or the end. The lock is held. */
    private boolean deliverable() {
        return closed || size > 0 || missed > 0 || gap || replay != null;
    }

    /**
     * Sets what to hand over before the live messages: a gap notice if {@code gap}, then
     * {@code messages} in order. Live messages up to the last of them (or up to {@code after},
     * which the reader has, when there are none) are skipped: they arrived while the history was
     * read.
     */
    void resume(boolean gap, List<Delivery.Message> messages, MessageId after) {
        lock.lock();
        try {
            if (closed) return;
            this.gap = gap;
            if (!messages.isEmpty()) {
                replay = new ArrayDeque<>(messages);
                replayed = messages.getLast().id();
            } else if (!gap) {
                replayed = after;
            }
            if (replayed != null) dropReplayed();
            if (gap || replay != null) readable.signal();
        } finally {
            lock.unlock();
        }
    }

    /** Waits on {@code condition} until {@code done} holds or {@code timeout} passes; the lock is held. Returns {@code done}. */
    private static boolean await(Condition condition, BooleanSupplier done, Duration timeout) throws InterruptedException {
        long nanos = timeout.toNanos();
        while (!done.getAsBoolean()) {
            if (nanos <= 0) return false;
            nanos = condition.awaitNanos(nanos);
        }
        return true;
    }

    /** Takes the lag notice or the oldest message; the lock is held. */
    private Delivery take() {
        if (closed) return null;
        if (gap) {
            gap = false;
            return new Delivery.Gap();
        }
        if (replay != null) {
            var next = replay.poll();
            if (replay.isEmpty()) replay = null;
            return next;
        }
        if (missed > 0) {
            var lagged = new Delivery.Lagged(missed);
            missed = 0;
            return lagged;
        }
        if (size == 0) return null;
        var message = ring[head];
        ring[head] = null;
        head = next(head);
        size--;
        return message;
    }

    /**
     * Drops the buffered live messages the replay holds too: those that arrived while the history
     * was read, up to its last id. Ids are in order, so the first later one ends it, and then
     * {@link #offer} need not compare any more. Dropping them here, not when a reader takes,
     * keeps {@link #deliverable()} exact: a reader woken for a message that turns out to be a
     * replayed one would otherwise find nothing and take that for the end.
     */
    private void dropReplayed() {
        while (size > 0 && ring[head].id() != null && ring[head].id().compareTo(replayed) <= 0) {
            ring[head] = null;
            head = next(head);
            size--;
        }
        if (size > 0) replayed = null;
    }

    private int next(int index) {
        return index + 1 == ring.length ? 0 : index + 1;
    }

    /** Doubles the ring (up to the capacity), unwrapping it so the oldest message is at 0. */
    private void grow() {
        var bigger = new Delivery.Message[(int) Math.min(capacity, 2L * ring.length)];
        for (int i = 0; i < size; i++) bigger[i] = ring[(head + i) % ring.length];
        ring = bigger;
        head = 0;
    }

    @Override
    public String toString() {
        return "Subscription[" + topic + "]";
    }
}
