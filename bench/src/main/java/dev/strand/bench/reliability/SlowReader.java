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

    /** Broadcast messages as small as in {@code ws-broadcast}: 10,000 subscribers get each. */
    private static final int SMALL_PAYLOAD = 64;
    /** Large messages on the policy topic, so that its slow reader's backlog grows fast. */
    private static final int POLICY_PAYLOAD = 16 * 1024;
    private static final int POLICY_SUBSCRIBERS = 200;
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
        outcome.params().put("subscribers", subscribers + " on the broadcast topic, " + POLICY_SUBSCRIBERS + " more on the policy topic");
        outcome.params().put("message bytes", SMALL_PAYLOAD + " (broadcast topic), " + POLICY_PAYLOAD + " (policy topic)");
        outcome.params().put("phases", "broadcast topic: warm-up " + warmup.toSeconds() + " s, then " + phase.toSeconds()
                + " s each without, with and without the slow reader; policy topic: rounds until the server closes a second slow reader (at most "
                + WITH_LIMIT.toSeconds() + " s)");
        outcome.params().put("slow reader", SlowSocket.CHUNK + " bytes every " + SlowSocket.PAUSE_MS + " ms, 4 KiB receive buffer");
        outcome.params().put("server outbound buffer", ReliabilityServer.OUTBOUND_BUFFER / 1024 + " KiB");
        try (var server = options.startServer("slow-reader");
             var clients = Clients.start(subscribers + POLICY_SUBSCRIBERS + 16, 16)) {
            var rounds = new Rounds(subscribers, SMALL_PAYLOAD);
            var opened = Opener.open(subscribers, i -> clients.ws().connect(new WsEndpoint(rounds::deliver), server.uri("ws", "/ws/sub/fan")));
            outcome.add(Figure.exactly("subscribers that failed to connect", opened.failed(), "", 0));
            var publisher = clients.ws().connect(new WsEndpoint(text -> { }), server.uri("ws", "/ws/pub/fan")).get(15, TimeUnit.SECONDS);
            Rounds.Publisher publish = payload -> publisher.sendText(payload, Callback.NOOP);
            var open = opened.connections().size();
            server.await(d -> d.subscriptions() == open, Duration.ofSeconds(30));

            rounds.run(warmup, publish);
            var before = server.diag(true);
            var without = rounds.run(phase, publish);
            var slow = SlowSocket.open(server.port, "/ws/sub/fan");
            server.await(d -> d.subscriptions() == open + 1, Duration.ofSeconds(30));
            var with = rounds.run(phase, publish);
            var during = server.diag(false);
            slow.close();
            var withoutAfter = rounds.run(phase, publish);
            var withoutBoth = new Histogram(without.latencies());
            withoutBoth.add(withoutAfter.latencies());
            double p99Without = millis(withoutBoth.getValueAtPercentile(99)), p99With = millis(with.latencies().getValueAtPercentile(99));
            outcome.add(Figure.info("others' p99 without the slow reader", p99Without, "ms"));
            outcome.add(Figure.info("others' p99 with the slow reader", p99With, "ms"));
            outcome.add(Figure.atMost("p99 with / p99 without", Math.round(p99With / p99Without * 100) / 100.0, "×", P99_RATIO_LIMIT));
            outcome.add(Figure.info("rounds without / with / without", without.rounds(), "/ " + with.rounds() + " / " + withoutAfter.rounds()));
            outcome.add(Figure.exactly("others' deliveries lost", without.lost() + with.lost() + withoutAfter.lost(), "", 0));

            // The policy, on a topic of its own: at 10,000 subscribers the kernel's ~2.8 MB send
            // buffer per loopback connection would need ~28 GB written before the slow one overflows.
            var policyRounds = new Rounds(POLICY_SUBSCRIBERS, POLICY_PAYLOAD);
            var policyOpened = Opener.open(POLICY_SUBSCRIBERS, i -> clients.ws().connect(new WsEndpoint(policyRounds::deliver), server.uri("ws", "/ws/sub/policy")));
            var policyPublisher = clients.ws().connect(new WsEndpoint(text -> { }), server.uri("ws", "/ws/pub/policy")).get(15, TimeUnit.SECONDS);
            Rounds.Publisher publishPolicy = payload -> policyPublisher.sendText(payload, Callback.NOOP);
            var policySlow = SlowSocket.open(server.port, "/ws/sub/policy");
            var total = open + policyOpened.connections().size() + 1;
            server.await(d -> d.subscriptions() == total, Duration.ofSeconds(30));
            var started = System.nanoTime();
            var limit = started + WITH_LIMIT.toNanos();
            var policy = policyRounds.run(publishPolicy, () -> server.closedWith(1013) > 0 || System.nanoTime() > limit);
            var closedMillis = Math.round((System.nanoTime() - started) / 1e6);
            policySlow.drain();
            var after = server.diag(true);
            outcome.add(Figure.atMost("policy topic: slow reader connected to closed by the server", closedMillis, "ms", WITH_LIMIT.toMillis()));
            outcome.add(Figure.info("policy topic: rounds until then", policy.rounds(), ""));
            outcome.add(Figure.exactly("policy topic: others' deliveries lost", policy.lost(), "", 0));
            outcome.add(Figure.exactly("server: WebSockets closed with 1013", after.wsCloseCodes().getOrDefault(1013, 0L), "", 1));
            outcome.add(Figure.exactly("server: subscriptions after (both slow ones left)", after.subscriptions(), "", total - 1));
            // The server queues its 1013 close frame behind the backlog and drops the connection 2 s
            // later; a reader this slow rarely reaches the frame in time, and then reads -1.
            outcome.add(Figure.info("close code the slow reader read (-1: dropped before it reached the close frame)",
                    policySlow.closeCode.completeOnTimeout(-2, 30, TimeUnit.SECONDS).get(), ""));
            var heapGrowth = Leaks.mb(after.heapKb() - before.heapKb());
            outcome.add(Figure.atMost("server heap after full GC, end - before the slow readers", heapGrowth, "MiB", Leaks.HEAP_SLACK_MB));
            outcome.add(Figure.info("server RSS before / end of the slow reader's phase / end", Leaks.mb(before.rssKb()),
                    "/ " + Leaks.mb(during.rssKb()) + " / " + Leaks.mb(after.rssKb()) + " MiB"));
            policySlow.close();
        }
    }

    private static double millis(long nanos) {
        return Math.round(nanos / 10_000.0) / 100.0;
    }
}
