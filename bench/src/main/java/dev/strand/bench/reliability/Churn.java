package dev.strand.bench.reliability;

import dev.strand.bench.load.Clients;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.StatusCode;

/**
 * {@code churn}: WebSocket connect / message / close cycles on a route that joins a hub topic and
 * echoes; every third connection is dropped without a close frame (its TCP connection destroyed).
 * Afterwards the server must hold no more virtual threads, subscriptions, file descriptors or
 * heap than before.
 */
final class Churn {

    private static final int IN_FLIGHT = 64;
    private static final Duration STEP_TIMEOUT = Duration.ofSeconds(15);
    private static final Duration TIME_LIMIT = Duration.ofMinutes(15);

    private Churn() {
    }

    /** Runs the scenario, adding its figures to {@code outcome} as they are measured. */
    static void run(Reliability.Options options, Outcome outcome) throws Exception {
        int cycles = options.quick() ? 3_000 : 100_000, warmup = options.quick() ? 300 : 2_000;
        outcome.params().put("cycles", cycles);
        outcome.params().put("dropped without close frame", "every third");
        outcome.params().put("concurrent cycles", IN_FLIGHT);
        try (var server = options.startServer("churn");
             var clients = Clients.start(IN_FLIGHT * 2, 16)) {
            // The warm-up fills the pools and caches a first connection would, so they are in the baseline.
            cycles(server, clients, warmup);
            var baseline = server.diag(true);
            var started = System.nanoTime();
            var result = cycles(server, clients, cycles);
            var seconds = (System.nanoTime() - started) / 1e9;
            outcome.add(Figure.exactly("cycles completed", result[0], "", cycles));
            outcome.add(Figure.info("of which dropped without a close frame", result[1], ""));
            outcome.add(Figure.exactly("cycles failed", result[2], "", 0));
            outcome.add(Figure.info("cycles per second", Math.round(result[0] / seconds), "/s"));
            Leaks.check(server, baseline, outcome);
        }
    }

    /** Runs {@code count} cycles, {@link #IN_FLIGHT} at a time; returns completed, dropped and failed. */
    private static long[] cycles(ServerProcess server, Clients clients, int count) throws InterruptedException {
        var next = new AtomicInteger();
        var completed = new AtomicLong();
        var dropped = new AtomicLong();
        var failed = new AtomicLong();
        var uri = server.uri("ws", "/ws/room/churn");
        var deadline = System.nanoTime() + TIME_LIMIT.toNanos();
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int t = 0; t < IN_FLIGHT; t++) {
                threads.execute(() -> {
                    for (int i; (i = next.getAndIncrement()) < count && System.nanoTime() < deadline; ) {
                        try {
                            var endpoint = new WsEndpoint(text -> { });
                            var session = clients.ws().connect(endpoint, uri).get(STEP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                            var message = "cycle " + i;
                            session.sendText(message, Callback.NOOP);
                            if (!message.equals(endpoint.firstText.get(STEP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS))) {
                                throw new IllegalStateException("the echo differed from " + message);
                            }
                            if (i % 3 == 2) {
                                session.disconnect();
                                dropped.incrementAndGet();
                            } else {
                                session.close(StatusCode.NORMAL, "done", Callback.NOOP);
                                endpoint.closed.get(STEP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                            }
                            completed.incrementAndGet();
                        } catch (Exception e) {
                            if (failed.getAndIncrement() == 0) {
                                System.err.println("churn: cycle " + i + " failed: " + e);
                            }
                        }
                    }
                });
            }
        }
        return new long[] {completed.get(), dropped.get(), failed.get()};
    }
}
