package dev.strand.internal.http;

import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.eclipse.jetty.util.VirtualThreads;
import org.eclipse.jetty.util.component.AbstractLifeCycle;
import org.eclipse.jetty.util.thread.ThreadPool;
import org.eclipse.jetty.websocket.core.WebSocketConnection;

/**
 * Jetty's thread pool for Strand: every task Jetty hands it, the selectors and the acceptor
 * included, runs on a new virtual thread. So the selector that finds a connection readable, the
 * virtual thread that serves the request and a WebSocket loop it wakes all share the virtual
 * threads' carriers, and a hand-off between them is a continuation switch instead of waking an
 * operating-system thread. On a server pinned to one core this took the WebSocket echo (100
 * connections) from about 21,500 to 37,000 messages/s and plaintext HTTP from about 14,000 to
 * 29,000 requests/s, against {@code QueuedThreadPool} running only the blocking tasks on virtual
 * threads (bench/results, 2026-11-30).
 *
 * <p>It is not a {@link org.eclipse.jetty.util.thread.TryExecutor}, on purpose: Jetty's own
 * {@code VirtualThreadPool} is one that always accepts, and for it Jetty's execution strategy
 * hands selecting over to a new thread for every request it consumes in place
 * (execute-produce-consume), where with this pool the selector keeps selecting and dispatches each
 * request to a thread of its own (produce-execute-consume).
 *
 * <p>One shortcut for WebSocket reads: when a loop asks for its next frame ({@code demand()}) and
 * Jetty has no read under way, Jetty hands the read to this pool, only for the loop to wait for
 * its result. This pool runs it on the calling thread instead: Strand calls {@code demand()} from a
 * loop's own thread alone (a demand made while Jetty reads, such as after a pong, continues that
 * read without the pool), which is about to wait anyway, and the read never blocks (with no bytes
 * there it registers read interest with the selector and returns).
 */
public final class StrandThreadPool extends AbstractLifeCycle implements ThreadPool, VirtualThreads.Configurable {
    private final Executor virtualThreads;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition stopped = lock.newCondition();

    /** A pool whose threads are named {@code prefix} and a number. */
    public StrandThreadPool(String prefix) {
        this.virtualThreads = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name(prefix, 0).factory());
    }

    @Override
    public void execute(Runnable job) {
        if (job instanceof WebSocketConnection) {
            job.run();
        } else {
            virtualThreads.execute(job);
        }
    }

    /**
     * Starts a platform thread that lives until the pool stops: virtual threads are daemons, and
     * without it the JVM would exit as soon as an app's {@code main} returned from starting the server.
     */
    @Override
    protected void doStart() throws Exception {
        super.doStart();
        Thread.ofPlatform().daemon(false).name("strand-keep-alive").start(() -> {
            try {
                join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    @Override
    protected void doStop() throws Exception {
        super.doStop();
        lock.lock();
        try {
            stopped.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Waits until the pool is stopped, as {@code Server.join()} expects. */
    @Override
    public void join() throws InterruptedException {
        lock.lock();
        try {
            while (isStarting() || isStarted()) stopped.await();
        } finally {
            lock.unlock();
        }
    }

    /** Not counted: a virtual thread per task, none idle. */
    @Override
    public int getThreads() {
        return -1;
    }

    @Override
    public int getIdleThreads() {
        return 0;
    }

    /** Never: a new virtual thread is always there. */
    @Override
    public boolean isLowOnThreads() {
        return false;
    }

    @Override
    public Executor getVirtualThreadsExecutor() {
        return virtualThreads;
    }
}
