package dev.strand.bench.reliability;

import dev.strand.bench.load.Clients;
import dev.strand.bench.load.Opener;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.eclipse.jetty.websocket.api.Callback;

/**
 * {@code slow-reader}: N broadcast subscribers in closed-loop rounds; then one more that reads
 * slowly ({@link SlowSocket}). The others' p99 delivery latency while it is there is compared with
 * the phases without it, one before and one after, taken together. Strand's documented policy
 * ({@code Hub.forward}, {@code WsConfig.outboundBufferSize}): a peer that reads too slowly is
 * closed with 1013 once its outbound buffer overflows, and leaves the topic.
 */
final class SlowReader {

    /** Large messages, so that the slow reader's backlog passes its 64 KiB outbound buffer within seconds. */
    private static final int PAYLOAD_BYTES = 16 * 1024;
    private static final double P99_RATIO_LIMIT = 1.1;
    /** The longest the slow reader's phase lasts if the server never closes it. */
    private static final Duration WITH_LIMIT = Duration.ofMinutes(5);

    private SlowReader() {
    }

    /** Runs the scenario, adding its figures to {@code outcome} as they are measured. */
    static void run(Reliability.Options options, Outcome outcome) throws Exception {
        int subscribers = options.quick() ? 200 : 10_000;
        var warmup = Duration.ofSeconds(options.quick() ? 2 : 10);
        var phase = Duration.ofSeconds(options.quick() ? 3 : 20);
        outcome.params().put("subscribers", subscribers);
        outcome.params().put("message bytes", PAYLOAD_BYTES);
        outcome.params().put("phases", "warm-up " + warmup.toSeconds() + " s; without the slow reader " + phase.toSeconds()
                + " s; with it until the server closes it (at most " + WITH_LIMIT.toSeconds() + " s); without it " + phase.toSeconds() + " s");
        outcome.params().put("slow reader", SlowSocket.CHUNK + " bytes every " + SlowSocket.PAUSE_MS + " ms, 4 KiB receive buffer");
        outcome.params().put("server outbound buffer", ReliabilityServer.OUTBOUND_BUFFER / 1024 + " KiB");
        try (var server = options.startServer("slow-reader");
             var clients = Clients.start(subscribers + 16, 16)) {
            var rounds = new Rounds(subscribers, PAYLOAD_BYTES);
            var opened = Opener.open(subscribers, i -> clients.ws().connect(new WsEndpoint(rounds::deliver), server.uri("ws", "/ws/sub/fan")));
            outcome.add(Figure.exactly("subscribers that failed to connect", opened.failed(), "", 0));
            var publisher = clients.ws().connect(new WsEndpoint(text -> { }), server.uri("ws", "/ws/pub/fan")).get(15, TimeUnit.SECONDS);
            Rounds.Publisher publish = payload -> publisher.sendText(payload, Callback.NOOP);
            server.await(d -> d.subscriptions() == opened.connections().size(), Duration.ofSeconds(30));

            rounds.run(warmup, publish);
            var before = server.diag(true);
            var without = rounds.run(phase, publish);

            var slow = SlowSocket.open(server.port, "/ws/sub/fan");
            server.await(d -> d.subscriptions() == opened.connections().size() + 1, Duration.ofSeconds(30));
            // With the slow reader until the server closes it, so that the phase is all "with"; bounded.
            var withStarted = System.nanoTime();
            var withLimit = withStarted + WITH_LIMIT.toNanos();
            var with = rounds.run(publish, () -> server.closedWith(1013) > 0 || System.nanoTime() > withLimit);
            var withMillis = Math.round((System.nanoTime() - withStarted) / 1e6);
            slow.drain();
            var during = server.diag(false);

            var withoutAfter = rounds.run(phase, publish);
            var after = server.diag(true);
            var withoutBoth = new Histogram(without.latencies());
            withoutBoth.add(withoutAfter.latencies());

            double p99Without = millis(withoutBoth.getValueAtPercentile(99)), p99With = millis(with.latencies().getValueAtPercentile(99));
            outcome.add(Figure.info("others' p99 without the slow reader", p99Without, "ms"));
            outcome.add(Figure.info("others' p99 with the slow reader", p99With, "ms"));
            outcome.add(Figure.atMost("p99 with / p99 without", Math.round(p99With / p99Without * 100) / 100.0, "×", P99_RATIO_LIMIT));
            outcome.add(Figure.info("rounds without / with / without", without.rounds(), "/ " + with.rounds() + " / " + withoutAfter.rounds()));
            outcome.add(Figure.atMost("slow reader connected to closed by the server", withMillis, "ms", WITH_LIMIT.toMillis()));
            outcome.add(Figure.exactly("others' deliveries lost", without.lost() + with.lost() + withoutAfter.lost(), "", 0));
            var closeCode = slow.closeCode.get(30, TimeUnit.SECONDS);
            // The server queues its 1013 close frame behind the backlog and drops the connection 2 s
            // later; a reader this slow rarely reaches the frame in time, and then reads -1.
            outcome.add(Figure.info("close code the slow reader read (-1: dropped before it reached the close frame)", closeCode, ""));
            outcome.add(Figure.exactly("server: WebSockets closed with 1013", after.wsCloseCodes().getOrDefault(1013, 0L), "", 1));
            outcome.add(Figure.exactly("server: subscriptions after (the slow one left)", after.subscriptions(), "", opened.connections().size()));
            var heapGrowth = Leaks.mb(after.heapKb() - before.heapKb());
            outcome.add(Figure.atMost("server heap after full GC, after - before", heapGrowth, "MiB", Leaks.HEAP_SLACK_MB));
            outcome.add(Figure.info("server RSS before / end of slow phase / after", Leaks.mb(before.rssKb()),
                    "/ " + Leaks.mb(during.rssKb()) + " / " + Leaks.mb(after.rssKb()) + " MiB"));
            slow.close();
        }
    }

    private static double millis(long nanos) {
        return Math.round(nanos / 10_000.0) / 100.0;
    }
}
