package dev.strand.bench.history;

import dev.strand.broadcast.Delivery;
import dev.strand.broadcast.Hub;
import dev.strand.broadcast.MessageId;
import dev.strand.broadcast.Subscription;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;

/**
 * Strand's hub alone, against a real redis-server: what a topic's history costs and gives.
 *
 * <ul>
 * <li><b>publish latency</b>: one hub publishes, another (same JVM, its own Redis connections)
 *     receives; the next message goes when the last arrived. Plain pub/sub against a topic with a
 *     history (Redis Streams: a script that appends with XADD and publishes), p50/p99 of the
 *     round trip from publish to delivery.</li>
 * <li><b>replay throughput</b>: a topic's history filled with N messages; a subscriber resuming
 *     after the first one gets the other N-1 from the history: messages/s, in one process and
 *     from Redis (one XRANGE, on another hub than the one that published).</li>
 * </ul>
 *
 * <p>{@code java -cp <strand-bench.jar>:$(cat bench/target/classpath/history.txt) dev.strand.bench.history.HistoryBench
 * [--redis redis://host:port] [--messages N] [--rounds N]}; without {@code --redis} it starts
 * {@code redis-server} on a free loopback port (no persistence) and stops it at the end. Prints
 * one JSON line per figure.
 */
public final class HistoryBench {
    private static final Duration WAIT = Duration.ofSeconds(10);

    private HistoryBench() {
    }

    public static void main(String[] args) throws Exception {
        String url = null;
        int messages = 10_000;
        int rounds = 5_000;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--redis" -> url = args[i + 1];
                case "--messages" -> messages = Integer.parseInt(args[i + 1]);
                case "--rounds" -> rounds = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Process redis = null;
        if (url == null) {
            int port = freePort();
            var dir = Files.createTempDirectory("strand-bench-redis");
            redis = new ProcessBuilder("redis-server", "--port", Integer.toString(port), "--bind", "127.0.0.1",
                    "--save", "", "--appendonly", "no", "--dir", dir.toString()).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("redis.log").toFile()).start();
            url = "redis://127.0.0.1:" + port;
        }
        try {
            run(url, messages, rounds);
        } finally {
            if (redis != null) redis.destroyForcibly().waitFor();
        }
        System.exit(0);
    }

    private static void run(String url, int messages, int rounds) throws Exception {
        try (var one = hub(url, messages); var two = hub(url, messages)) {
            long deadline = System.nanoTime() + WAIT.toNanos() * 3;
            while (!(one.relayUp() && two.relayUp())) {
                if (System.nanoTime() > deadline) throw new IllegalStateException("Redis at " + url + " did not answer");
                Thread.sleep(10);
            }
            var pubsub = latency(one, two, "plain", rounds);
            var streams = latency(one, two, "history:latency", rounds);
            print("publish-latency", "pubsub", pubsub);
            print("publish-latency", "streams", streams);
            System.out.printf(Locale.ROOT, "{\"figure\":\"added-publish-latency\",\"p50_us\":%.1f,\"p99_us\":%.1f}%n",
                    (streams[0] - pubsub[0]) / 1e3, (streams[1] - pubsub[1]) / 1e3);

            try (var local = Hub.builder().history("history:*", messages, Duration.ofMinutes(5)).capacity(16).build()) {
                replay("in-process", local, local, messages);
            }
            replay("redis", one, two, messages);
        }
    }

    private static Hub hub(String url, int messages) {
        return Hub.builder().redis(url).history("history:*", messages, Duration.ofMinutes(5)).capacity(messages).build();
    }

    /** Round trips from a publish on {@code from} to its delivery on {@code to}; p50 and p99 in ns. */
    private static long[] latency(Hub from, Hub to, String topic, int rounds) throws InterruptedException {
        try (var subscription = to.subscribe(topic)) {
            long[] nanos = new long[rounds];
            for (int warm = 0; warm < rounds / 2; warm++) roundTrip(from, topic, subscription);
            for (int i = 0; i < rounds; i++) nanos[i] = roundTrip(from, topic, subscription);
            Arrays.sort(nanos);
            return new long[] {nanos[rounds / 2], nanos[(int) (rounds * 0.99)]};
        }
    }

    private static long roundTrip(Hub from, String topic, Subscription subscription) throws InterruptedException {
        long start = System.nanoTime();
        from.publish(topic, "x".repeat(64));
        if (!(subscription.receive(WAIT) instanceof Delivery.Message)) throw new IllegalStateException("no delivery on " + topic);
        return System.nanoTime() - start;
    }

    /** Fills a history through {@code writer}, then times a subscriber of {@code reader} resuming after the first message. */
    private static void replay(String mode, Hub writer, Hub reader, int messages) throws InterruptedException {
        var topic = "history:replay-" + mode;
        MessageId first;
        try (var filling = writer.subscribe(topic, messages)) {
            for (int i = 0; i < messages; i++) writer.publish(topic, "m" + i + "-" + "x".repeat(64));
            first = ((Delivery.Message) filling.receive(WAIT)).id();
            for (int i = 1; i < messages; i++) filling.receive(WAIT);
        }
        long best = Long.MAX_VALUE;
        for (int run = 0; run < 5; run++) {
            long start = System.nanoTime();
            try (var resumed = reader.subscribe(topic, first)) {
                for (int i = 1; i < messages; i++) {
                    if (!(resumed.receive(WAIT) instanceof Delivery.Message)) throw new IllegalStateException("replay stopped at " + i);
                }
            }
            best = Math.min(best, System.nanoTime() - start);
        }
        System.out.printf(Locale.ROOT, "{\"figure\":\"replay\",\"mode\":\"%s\",\"messages\":%d,\"best_ms\":%.1f,\"messages_per_s\":%.0f}%n",
                mode, messages - 1, best / 1e6, (messages - 1) / (best / 1e9));
    }

    private static void print(String figure, String mode, long[] p) {
        System.out.printf(Locale.ROOT, "{\"figure\":\"%s\",\"mode\":\"%s\",\"p50_us\":%.1f,\"p99_us\":%.1f}%n", figure, mode, p[0] / 1e3, p[1] / 1e3);
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
