package dev.strand.bench.report;

import java.util.List;
import java.util.Map;

/**
 * The figures that head the report, a row each: for every scenario, the one or two numbers a
 * reader compares first. The details tables carry the rest.
 */
final class Summary {

    private static final Map<String, List<Metric>> HEADLINES = Map.of(
            "http-plaintext", List.of(Metric.REQ_PER_S, Metric.P99_US),
            "http-plaintext-h2c", List.of(Metric.REQ_PER_S),
            "http-json", List.of(Metric.REQ_PER_S, Metric.P99_US),
            "ws-echo", List.of(Metric.MSGS_PER_S, Metric.P99_US),
            "ws-broadcast", List.of(Metric.DELIVERIES_PER_S, Metric.P99_US),
            "ws-idle", List.of(Metric.HEAP_PER_CONN_KB, Metric.RSS_PER_CONN_KB),
            "sse-fanout", List.of(Metric.DELIVERIES_PER_S, Metric.P99_US, Metric.RSS_PER_CONN_KB),
            "startup", List.of(Metric.STARTUP_MS));

    private Summary() {
    }

    /** The headline metrics of {@code scenario}, in row order. */
    static List<Metric> headlines(String scenario) {
        return HEADLINES.getOrDefault(scenario, List.of());
    }
}
