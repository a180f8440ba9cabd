package dev.strand.tests.corpus;

import dev.strand.test.TestClient;
import dev.strand.test.WsTestClient;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A well-behaved client on connections of its own, asking the server again and again while the
 * corpus runs: a GET on a keep-alive HTTP connection and an echo on one WebSocket that stays open
 * the whole time. Every failed round is recorded with the row that was running.
 */
final class Bystander implements AutoCloseable {
    private static final long WAIT_SECONDS = 10;

    private final TestClient client;
    private final WsTestClient ws;
    private final Thread thread;
    private final List<String> failures = Collections.synchronizedList(new ArrayList<>());
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition roundDone = lock.newCondition();
    private long rounds;
    private volatile String during = "start";
    private volatile boolean stopped;

    private Bystander(URI server) {
        client = new TestClient(server);
        ws = client.ws("/ws/echo");
        thread = Thread.ofVirtual().name("bystander").start(this::run);
    }

    /** Opens the bystander's connections and starts asking. */
    static Bystander start(URI server) {
        return new Bystander(server);
    }

    /** Names the row running now, for the failure messages. */
    void during(String row) {
        during = row;
    }

    private void run() {
        for (long n = 0; !stopped; n++) {
            try {
                var response = client.get("/ok");
                if (response.status() != 200 || !response.body().equals("ok")) {
                    failures.add(during + ": GET /ok answered " + response);
                }
                var probe = "probe " + n;
                if (!probe.equals(ws.send(probe).receiveText())) failures.add(during + ": the WebSocket echo went wrong");
            } catch (Throwable t) {
                failures.add(during + ": " + t);
            }
            lock.lock();
            try {
                rounds++;
                roundDone.signalAll();
            } finally {
                lock.unlock();
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5)); // pacing, so the bystander does not crowd out the rows
        }
    }

    /** The number of rounds completed so far. */
    long rounds() {
        lock.lock();
        try {
            return rounds;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits until a whole round started after {@code seen} rounds were done (so it began after
     * the caller's own input), at most 10 s; false when none did.
     */
    boolean awaitRoundAfter(long seen) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        lock.lock();
        try {
            while (rounds < seen + 2) {
                long left = deadline - System.nanoTime();
                if (left <= 0) return false;
                roundDone.awaitNanos(left);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Every failed round so far, each naming the row that was running. */
    List<String> failures() {
        synchronized (failures) {
            return List.copyOf(failures);
        }
    }

    @Override
    public void close() throws InterruptedException {
        stopped = true;
        thread.join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
        ws.close();
        client.close();
    }
}
