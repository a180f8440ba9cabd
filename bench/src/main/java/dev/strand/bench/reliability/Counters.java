package dev.strand.bench.reliability;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** What the routes count, for {@code GET /diag}: SSE streams opened and their close actions run, slow requests in flight, WebSocket close codes, publishes per second. */
final class Counters {
    final LongAdder sseOpened = new LongAdder();
    final LongAdder sseCloseActions = new LongAdder();
    final LongAdder slowInFlight = new LongAdder();
    private final ConcurrentHashMap<Integer, LongAdder> wsCloseCodes = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Long, LongAdder[]> published = new ConcurrentHashMap<>();

    void wsClosed(int code) {
        wsCloseCodes.computeIfAbsent(code, c -> new LongAdder()).increment();
    }

    /** Counts one message a publisher sent, and how many local subscribers the hub gave it to. */
    void published(int localDeliveries) {
        var second = published.computeIfAbsent(System.currentTimeMillis() / 1000, s -> new LongAdder[] {new LongAdder(), new LongAdder()});
        second[0].increment();
        second[1].add(localDeliveries);
    }

    /** Per second since the epoch: messages publishers sent, and local deliveries the hub made of them. */
    Map<Long, long[]> published() {
        var seconds = new TreeMap<Long, long[]>();
        published.forEach((second, counts) -> seconds.put(second, new long[] {counts[0].sum(), counts[1].sum()}));
        return seconds;
    }

    /** How many WebSockets closed with each code so far, by code. */
    Map<Integer, Long> wsCloseCodes() {
        var codes = new TreeMap<Integer, Long>();
        wsCloseCodes.forEach((code, count) -> codes.put(code, count.sum()));
        return codes;
    }
}
