package dev.strand.bench.reliability;

import dev.strand.bench.load.Clients;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

/**
 * {@code redis-outage}: two server processes share a redis-server this scenario starts on a port
 * of its own. Each has subscribers and a publisher sending at a steady rate to one topic. Redis is
 * killed (SIGKILL), restarted on the same port a few seconds later, and the storm goes on.
 * Strand's promise ({@code Hub}, docs/pages/tutorials/redis.md): local delivery never waits for
 * Redis; the relay is at-most-once, so a message published while Redis is unreachable reaches
 * local subscribers only, and none arrives twice; the relay reconnects by itself.
 */
final class RedisOutage {

    private static final String[] INSTANCES = {"a", "b"};
    private static final Duration RELAY_LIMIT = Duration.ofSeconds(30);
    private static final int MAX_SECONDS = 300;
    private static final int BEFORE = 0, DURING = 1, AFTER = 2;
    /**
     * A message the server published this shortly before the kill may still have been in Redis
     * when it died; at-most-once allows that loss, so such messages count as published during the
     * outage.
     */
    private static final Duration KILL_MARGIN = Duration.ofSeconds(1);

    private RedisOutage() {
    }

    /** Runs the scenario, adding its figures to {@code outcome} as they are measured. */
    static void run(Reliability.Options options, Outcome outcome) throws Exception {
        int subscribers = options.quick() ? 10 : 50, rate = options.quick() ? 200 : 500;
        var warmup = Duration.ofSeconds(options.quick() ? 2 : 5);
        var before = Duration.ofSeconds(options.quick() ? 3 : 10);
        var down = Duration.ofSeconds(options.quick() ? 2 : 5);
        var after = Duration.ofSeconds(options.quick() ? 3 : 10);
        outcome.params().put("instances", 2);
        outcome.params().put("subscribers per instance", subscribers);
        outcome.params().put("publish rate per instance", rate + "/s");
        outcome.params().put("timeline", warmup.toSeconds() + " s warm-up (not counted), " + before.toSeconds() + " s up, Redis killed (SIGKILL) for " + down.toSeconds()
                + " s, restarted, then " + after.toSeconds() + " s after both relays are up again");
        var redisPort = ServerProcess.freePort();
        var url = "redis://127.0.0.1:" + redisPort;
        var redis = startRedis(redisPort, options.logs().resolve("redis-1.log"));
        var servers = new ArrayList<ServerProcess>();
        try (var clients = Clients.start(4 * subscribers + 16, 16)) {
            for (var name : INSTANCES) {
                servers.add(options.startServer("redis-" + name, "--redis", url, "--instance", name));
            }
            for (var server : servers) {
                server.await(Diagnostics::relayUp, RELAY_LIMIT);
            }
            var baselines = new ArrayList<Diagnostics>();
            for (var server : servers) {
                baselines.add(server.diag(true));
            }

            var storm = new Storm(rate * (int) (before.toSeconds() + down.toSeconds() + RELAY_LIMIT.toSeconds() + after.toSeconds() + 10));
            var sessions = new ArrayList<Session>();
            var subs = new ArrayList<List<Subscriber>>();
            for (int x = 0; x < 2; x++) {
                var mine = new ArrayList<Subscriber>();
                for (int i = 0; i < subscribers; i++) {
                    var subscriber = new Subscriber(x, storm);
                    sessions.add(clients.ws().connect(new WsEndpoint(subscriber::receive), servers.get(x).uri("ws", "/ws/sub/storm")).get(15, TimeUnit.SECONDS));
                    mine.add(subscriber);
                }
                subs.add(mine);
            }
            for (int x = 0; x < 2; x++) {
                var count = subscribers;
                servers.get(x).await(d -> d.subscriptions() == count, Duration.ofSeconds(10));
            }
            var publishing = new ArrayList<Session>();
            for (int x = 0; x < 2; x++) {
                publishing.add(clients.ws().connect(new WsEndpoint(text -> { }), servers.get(x).uri("ws", "/ws/pub/storm")).get(15, TimeUnit.SECONDS));
            }
            sessions.addAll(publishing);
            storm.started = System.nanoTime(); // second 0 is the publishers' first
            var publishers = new ArrayList<Thread>();
            for (int x = 0; x < 2; x++) {
                var origin = x;
                publishers.add(Thread.ofVirtual().start(() -> storm.publish(origin, publishing.get(origin), rate)));
            }

            Thread.sleep(warmup);
            var measuredFrom = storm.second() + 1; // the first whole second after the warm-up
            var measuredFromEpoch = System.currentTimeMillis() / 1000 + 1;
            Thread.sleep(before);
            var killedNanos = System.nanoTime();
            var killedEpoch = System.currentTimeMillis() / 1000;
            redis.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            var killedAt = storm.second();
            Thread.sleep(down);
            redis = startRedis(redisPort, options.logs().resolve("redis-2.log"));
            var restarted = System.nanoTime();
            for (var server : servers) {
                server.await(Diagnostics::relayUp, RELAY_LIMIT);
            }
            var reconnectMillis = Math.round((System.nanoTime() - restarted) / 1e6);
            var upAt = storm.second();
            var upNanos = System.nanoTime();
            var upEpoch = System.currentTimeMillis() / 1000;
            Thread.sleep(after);
            publishers.forEach(Thread::interrupt);
            for (var publisher : publishers) {
                publisher.join();
            }
            var lastSecond = storm.second();
            var lastEpoch = System.currentTimeMillis() / 1000;
            storm.awaitQuiet(); // the last messages arrive

            outcome.add(Figure.info("Redis killed at / relays up again at", killedAt, "s / " + upAt + " s of the storm (counted from " + measuredFrom + " s)"));
            outcome.add(Figure.atMost("Redis restart to both relays up", reconnectMillis, "ms", 10_000));
            for (int x = 0; x < 2; x++) {
                long min = Long.MAX_VALUE;
                for (int s = measuredFrom; s < lastSecond; s++) { // whole seconds only
                    min = Math.min(min, storm.local[x].get(s));
                }
                outcome.add(Figure.info("instance " + INSTANCES[x] + ": fewest local deliveries the driver received in a second", min, ""));
                var published = servers.get(x).published();
                long idle = 0, starved = 0, fewest = Long.MAX_VALUE;
                var series = new StringBuilder();
                for (long s = measuredFromEpoch; s < lastEpoch; s++) {
                    var counts = published.getOrDefault(s, new long[2]);
                    if (counts[0] > 0 && counts[1] == 0) idle++;
                    if (s >= killedEpoch - 1 && s <= upEpoch + 1) {
                        fewest = Math.min(fewest, counts[1]);
                        if (counts[0] == 0) starved++;
                    }
                    series.append(series.isEmpty() ? "" : " ").append(counts[0]).append('/').append(counts[1]);
                }
                outcome.add(Figure.info("instance " + INSTANCES[x] + ", server: fewest local deliveries in a second, from 1 s before the kill to 1 s after the relays were up",
                        fewest == Long.MAX_VALUE ? 0 : fewest, ""));
                outcome.add(Figure.exactly("instance " + INSTANCES[x] + ", server: seconds with messages to publish but no local delivery", idle, "", 0));
                // A second without publishes says nothing about delivery: either the driver, starved of
                // CPU, sent nothing, or the server's publisher handler did not run; the per-second
                // series in the notes tell which.
                outcome.add(Figure.exactly("instance " + INSTANCES[x] + ", seconds of that stretch in which the server published nothing", starved, "", 0));
                outcome.note("instance " + INSTANCES[x] + ", per second as the server counted (messages published / local deliveries), kill at second "
                        + (killedEpoch - measuredFromEpoch) + ", relays up at second " + (upEpoch - measuredFromEpoch) + ": " + series);
            }
            long localExpected = 0, localGot = 0, duplicates = 0;
            long[] crossExpected = new long[3], crossGot = new long[3];
            for (int x = 0; x < 2; x++) {
                int other = 1 - x;
                for (var subscriber : subs.get(x)) {
                    localGot += subscriber.received[x].cardinality();
                    localExpected += storm.published[x];
                    duplicates += subscriber.duplicates;
                    for (int seq = 0; seq < storm.published[other]; seq++) {
                        var phase = storm.phase(other, seq, killedNanos - KILL_MARGIN.toNanos(), upNanos);
                        crossExpected[phase]++;
                        if (subscriber.received[other].get(seq)) crossGot[phase]++;
                    }
                }
            }
            outcome.add(Figure.info("messages published", storm.published[0] + storm.published[1], ""));
            outcome.add(Figure.atLeast("local deliveries made", percent(localGot, localExpected), "%", 100.0));
            outcome.add(Figure.exactly("deliveries that arrived twice", duplicates, "", 0));
            outcome.add(Figure.atLeast("crossed instances, published over " + KILL_MARGIN.toSeconds() + " s before the kill", percent(crossGot[BEFORE], crossExpected[BEFORE]), "%", 100.0));
            outcome.add(Figure.info("crossed instances, published during the outage", percent(crossGot[DURING], crossExpected[DURING]), "%"));
            outcome.add(Figure.atLeast("crossed instances, published after both relays were up", percent(crossGot[AFTER], crossExpected[AFTER]), "%", 100.0));
            for (int x = 0; x < 2; x++) {
                var local = new StringBuilder();
                var crossed = new StringBuilder();
                for (int sec = 0; sec <= lastSecond; sec++) {
                    local.append(sec == 0 ? "" : " ").append(storm.local[x].get(sec));
                    crossed.append(sec == 0 ? "" : " ").append(storm.crossed[x].get(sec));
                }
                outcome.note("instance " + INSTANCES[x] + ", deliveries per second of the storm, local: " + local + "; from the other instance: " + crossed);
            }
            outcome.note("during the outage the promise is at-most-once: a message published then may reach the other instance or not, never twice");

            for (var session : sessions) {
                session.close();
            }
            for (int x = 0; x < 2; x++) {
                Leaks.check(servers.get(x), baselines.get(x), outcome, "instance " + INSTANCES[x] + ": ");
            }
        } finally {
            for (var server : servers) {
                server.close();
            }
            redis.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static double percent(long part, long whole) {
        return whole == 0 ? 100.0 : Math.floor(part * 10_000.0 / whole) / 100.0;
    }

    /** A redis-server on {@code port}, on the servers' core, keeping nothing on disk. */
    private static Process startRedis(int port, Path log) throws IOException, InterruptedException {
        var redis = new ProcessBuilder("taskset", "-c", "0", "redis-server", "--port", Integer.toString(port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no").redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Runtime.getRuntime().addShutdownHook(new Thread(redis::destroyForcibly));
        for (int i = 0; i < 100; i++) {
            try (var socket = new java.net.Socket("127.0.0.1", port)) {
                return redis;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        throw new IOException("redis-server did not start; see " + log);
    }

    /**
     * The storm's shared state: when each message was sent and first delivered on its own
     * instance, and deliveries per second. Under load, a message may reach the server well after
     * the driver sent it; its first local delivery shows the server had published it.
     */
    private static final class Storm {
        volatile long started = System.nanoTime();
        final long[][] sent;
        final AtomicLongArray[] firstLocal;
        final int[] published = new int[2];
        final AtomicLongArray[] local = {new AtomicLongArray(MAX_SECONDS), new AtomicLongArray(MAX_SECONDS)};
        final AtomicLongArray[] crossed = {new AtomicLongArray(MAX_SECONDS), new AtomicLongArray(MAX_SECONDS)};

        Storm(int capacity) {
            sent = new long[][] {new long[capacity], new long[capacity]};
            firstLocal = new AtomicLongArray[] {new AtomicLongArray(capacity), new AtomicLongArray(capacity)};
        }

        /**
         * When a message was published: {@code BEFORE} when its own instance had delivered it
         * before {@code beforeNanos} (so the server had published it by then), {@code AFTER} when
         * the driver sent it after {@code afterNanos} (so the server published it later still),
         * {@code DURING} otherwise.
         */
        int phase(int origin, int seq, long beforeNanos, long afterNanos) {
            var delivered = firstLocal[origin].get(seq);
            if (delivered != 0 && delivered < beforeNanos) return BEFORE;
            return sent[origin][seq] >= afterNanos ? AFTER : DURING;
        }

        /** Waits until no delivery arrived for 2 s, at most 30 s. */
        void awaitQuiet() throws InterruptedException {
            var deadline = System.nanoTime() + 30_000_000_000L;
            long last = -1;
            while (System.nanoTime() < deadline) {
                long now = 0;
                for (int x = 0; x < 2; x++) {
                    for (int s = 0; s < MAX_SECONDS; s++) now += local[x].get(s) + crossed[x].get(s);
                }
                if (now == last) return;
                last = now;
                Thread.sleep(2000);
            }
        }

        int second() {
            return (int) Math.min(MAX_SECONDS - 1, (System.nanoTime() - started) / 1_000_000_000L);
        }

        /** Publishes "origin sequence" at {@code rate} per second until interrupted. */
        void publish(int origin, Session session, int rate) {
            var interval = 1_000_000_000L / rate;
            var next = System.nanoTime();
            for (int seq = 0; seq < sent[origin].length; seq++) {
                sent[origin][seq] = System.nanoTime();
                published[origin] = seq + 1;
                session.sendText(origin + " " + seq, Callback.NOOP);
                next += interval;
                try {
                    TimeUnit.NANOSECONDS.sleep(Math.max(0, next - System.nanoTime()));
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    /** One subscriber on instance {@code home}: which sequence numbers of each origin it got. */
    private static final class Subscriber {
        final int home;
        final Storm storm;
        final BitSet[] received = {new BitSet(), new BitSet()};
        long duplicates;

        Subscriber(int home, Storm storm) {
            this.home = home;
            this.storm = storm;
        }

        synchronized void receive(String message) {
            var origin = message.charAt(0) - '0';
            var seq = Integer.parseInt(message, 2, message.length(), 10);
            if (received[origin].get(seq)) {
                duplicates++;
            }
            received[origin].set(seq);
            (origin == home ? storm.local : storm.crossed)[home].incrementAndGet(storm.second());
            if (origin == home) {
                storm.firstLocal[origin].compareAndSet(seq, 0, System.nanoTime());
            }
        }
    }
}
