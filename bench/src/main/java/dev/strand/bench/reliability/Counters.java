package dev.strand.bench.reliability;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** What the routes count, for {@code GET /diag}: SSE streams opened and their close actions run, slow requests in flight, WebSocket close codes. */
final class Counters {
    final LongAdder sseOpened = new LongAdder();
    final LongAdder sseCloseActions = new LongAdder();
    final LongAdder slowInFlight = new LongAdder();
    private final ConcurrentHashMap<Integer, LongAdder> wsCloseCodes = new ConcurrentHashMap<>();

    void wsClosed(int code) {
        wsCloseCodes.computeIfAbsent(code, c -> new LongAdder()).increment();
    }

    /** How many WebSockets closed with each code so far, by code. */
    Map<Integer, Long> wsCloseCodes() {
        var codes = new TreeMap<Integer, Long>();
        wsCloseCodes.forEach((code, count) -> codes.put(code, count.sum()));
        return codes;
    }
}
