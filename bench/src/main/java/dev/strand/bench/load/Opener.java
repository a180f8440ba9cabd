package dev.strand.bench.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Opens many connections at once: a virtual thread per connection waits for its handshake, and a
 * semaphore keeps {@link #IN_FLIGHT} handshakes going at a time, so that no server's accept
 * backlog overflows (an overflow costs a 1 s SYN retry and would make the slowest acceptor look
 * slower still).
 */
public final class Opener {

    /** Handshakes in progress at once. */
    static final int IN_FLIGHT = 64;

    private static final Duration HANDSHAKE_TIMEOUT = Duration.ofSeconds(15);

    private Opener() {
    }

    /** Starts connecting number {@code index}; the future completes when it is open. */
    @FunctionalInterface
    public interface Connect<T> {
        CompletableFuture<T> start(int index) throws Exception;
    }

    /** What {@link #open} got: the connections that opened, how many failed, and how long it took. */
    public record Opened<T>(List<T> connections, int failed, Duration took) {
    }

    /**
     * Calls {@code connect} for 0 to {@code count - 1} and waits for each future, at most
     * {@link #HANDSHAKE_TIMEOUT} apiece.
     */
    public static <T> Opened<T> open(int count, Connect<T> connect) throws InterruptedException {
        var started = System.nanoTime();
        var permits = new Semaphore(IN_FLIGHT);
        List<T> opened = Collections.synchronizedList(new ArrayList<>(count));
        var failed = new AtomicInteger();
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < count; i++) {
                permits.acquire();
                var index = i;
                threads.execute(() -> {
                    try {
                        opened.add(connect.start(index).get(HANDSHAKE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS));
                    } catch (Exception e) {
                        if (failed.getAndIncrement() == 0) {
                            System.err.println("connect failed: " + e);
                        }
                    } finally {
                        permits.release();
                    }
                });
            }
        }
        return new Opened<>(List.copyOf(opened), failed.get(), Duration.ofNanos(System.nanoTime() - started));
    }
}
