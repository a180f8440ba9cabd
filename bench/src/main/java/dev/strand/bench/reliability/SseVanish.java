package dev.strand.bench.reliability;

import dev.strand.bench.load.Clients;
import dev.strand.bench.load.Opener;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.client.StringRequestContent;
import org.eclipse.jetty.http.HttpMethod;

/**
 * {@code sse-vanish}: N SSE streams, each client vanishing (its request aborted, its TCP
 * connection closed without a word) at a random moment of a window, while events are published
 * every 100 ms. Every stream's close action must run, and nothing may be left behind.
 */
final class SseVanish {

    private static final Duration PUBLISH_EVERY = Duration.ofMillis(100);

    private SseVanish() {
    }

    /** Runs the scenario, adding its figures to {@code outcome} as they are measured. */
    static void run(Reliability.Options options, Outcome outcome) throws Exception {
        int streams = options.quick() ? 200 : 10_000;
        var window = Duration.ofSeconds(options.quick() ? 3 : 20);
        outcome.params().put("streams", streams);
        outcome.params().put("clients vanish", "each at a random moment within " + window.toSeconds() + " s, request aborted");
        outcome.params().put("events", "one every " + PUBLISH_EVERY.toMillis() + " ms; server heartbeat every " + ReliabilityServer.SSE_HEARTBEAT.toSeconds() + " s");
        try (var server = options.startServer("sse-vanish");
             var clients = Clients.start(streams + 16, 16)) {
            var baseline = server.diag(true);
            var opened = Opener.open(streams, i -> EventStream.open(clients, server.uri("http", "/sse/stream")).opened);
            outcome.add(Figure.exactly("streams that failed to open", opened.failed(), "", 0));
            server.await(d -> d.sseOpened() == opened.connections().size(), Duration.ofSeconds(30));

            var publishing = Thread.ofVirtual().start(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    try {
                        clients.http().newRequest(server.uri("http", "/sse/publish")).method(HttpMethod.POST)
                                .body(new StringRequestContent("text/plain", "tick")).timeout(10, TimeUnit.SECONDS).send();
                        Thread.sleep(PUBLISH_EVERY);
                    } catch (InterruptedException e) {
                        return;
                    } catch (Exception e) {
                        System.err.println("sse-vanish: publish failed: " + e);
                    }
                }
            });
            var order = new ArrayList<>(opened.connections());
            Collections.shuffle(order);
            var times = ThreadLocalRandom.current().longs(order.size(), 0, window.toNanos()).sorted().toArray();
            var start = System.nanoTime();
            long receivedEvents = 0;
            for (int i = 0; i < order.size(); i++) {
                var wait = start + times[i] - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                receivedEvents += order.get(i).events();
                order.get(i).vanish();
            }
            Thread.sleep(2000); // events still going out find the connections gone
            publishing.interrupt();
            publishing.join();

            var closing = System.nanoTime();
            var settled = server.await(d -> d.sseCloseActions() >= d.sseOpened(), Leaks.SETTLE_LIMIT);
            outcome.add(Figure.info("events the clients received before vanishing", receivedEvents, ""));
            outcome.add(Figure.exactly("server: streams opened", settled.sseOpened(), "", opened.connections().size()));
            outcome.add(Figure.exactly("server: close actions run", settled.sseCloseActions(), "", settled.sseOpened()));
            outcome.add(Figure.info("time after the last vanishing until every close action ran", Math.round((System.nanoTime() - closing) / 1e6), "ms"));
            Leaks.check(server, baseline, outcome);
        }
    }
}
