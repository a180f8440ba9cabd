package dev.strand.bench.report;

import java.util.Locale;
import java.util.Optional;

/**
 * Every figure a result may carry, in table order: its id in result files, how it is shown, and
 * which way is better. Latencies are recorded in microseconds and shown in milliseconds.
 */
enum Metric {
    REQ_PER_S("req_per_s", "requests/s", Better.HIGHER, Format.COUNT),
    MSGS_PER_S("msgs_per_s", "messages/s", Better.HIGHER, Format.COUNT),
    DELIVERIES_PER_S("deliveries_per_s", "deliveries/s", Better.HIGHER, Format.COUNT),
    PUBLISHES_PER_S("publishes_per_s", "publishes/s", Better.HIGHER, Format.DECIMAL),
    P50_US("p50_us", "p50 latency (ms)", Better.LOWER, Format.MILLIS),
    P99_US("p99_us", "p99 latency (ms)", Better.LOWER, Format.MILLIS),
    P999_US("p999_us", "p99.9 latency (ms)", Better.LOWER, Format.MILLIS),
    MAX_US("max_us", "max latency (ms)", Better.NEITHER, Format.MILLIS),
    OPEN("open", "connections open", Better.NEITHER, Format.COUNT),
    CONNECTS_PER_S("connects_per_s", "connects/s", Better.HIGHER, Format.COUNT),
    HEAP_PER_CONN_KB("heap_per_conn_kb", "heap per connection (KB)", Better.LOWER, Format.DECIMAL),
    RSS_PER_CONN_KB("rss_per_conn_kb", "RSS per connection (KB)", Better.LOWER, Format.DECIMAL),
    HEAP_MB("heap_mb", "heap after GC (MB)", Better.LOWER, Format.DECIMAL),
    RSS_MB("rss_mb", "RSS (MB)", Better.LOWER, Format.DECIMAL),
    STARTUP_MS("startup_ms", "launch to first answer, median (ms)", Better.LOWER, Format.DECIMAL),
    STARTUP_MIN_MS("startup_min_ms", "launch to first answer, best (ms)", Better.NEITHER, Format.DECIMAL),
    STARTUP_MAX_MS("startup_max_ms", "launch to first answer, worst (ms)", Better.NEITHER, Format.DECIMAL),
    LOST("lost", "deliveries lost", Better.NEITHER, Format.COUNT),
    ERRORS("errors", "errors", Better.NEITHER, Format.COUNT),
    SERVER_CPU_PCT("server_cpu_pct", "server CPU (% of its core)", Better.NEITHER, Format.DECIMAL),
    CLIENT_CPU_PCT("client_cpu_pct", "load client CPU (% of its core)", Better.NEITHER, Format.DECIMAL),
    OTHER_CPU_PCT("other_cpu_pct", "other processes' CPU (% of a core)", Better.NEITHER, Format.DECIMAL),
    STEAL_CPU_PCT("steal_cpu_pct", "CPU stolen by the hypervisor (% of a core)", Better.NEITHER, Format.DECIMAL);

    /** Which way a figure improves; {@code NEITHER} figures explain the others and get no ratios. */
    enum Better {
        HIGHER("↑"), LOWER("↓"), NEITHER("");

        final String arrow;

        Better(String arrow) {
            this.arrow = arrow;
        }
    }

    private enum Format { COUNT, DECIMAL, MILLIS }

    final String id;
    final String label;
    final Better better;
    private final Format format;

    Metric(String id, String label, Better better, Format format) {
        this.id = id;
        this.label = label;
        this.better = better;
        this.format = format;
    }

    /** The metric with this id, if the report knows it. */
    static Optional<Metric> of(String id) {
        for (var metric : values()) {
            if (metric.id.equals(id)) {
                return Optional.of(metric);
            }
        }
        return Optional.empty();
    }

    /** The label for figures as recorded: latencies are kept in microseconds, the tables show milliseconds. */
    String recordedLabel() {
        return format == Format.MILLIS ? label.replace("(ms)", "(µs)") : label;
    }

    /** The label with its arrow, for a table's first column. */
    String heading() {
        return better == Better.NEITHER ? label : label + " " + better.arrow;
    }

    /** The value as the tables show it. */
    String format(double value) {
        return switch (format) {
            case COUNT -> String.format(Locale.ROOT, "%,d", Math.round(value));
            case DECIMAL -> String.format(Locale.ROOT, "%,.1f", value);
            case MILLIS -> String.format(Locale.ROOT, "%,.2f", value / 1000);
        };
    }

    /** Whether {@code a} is better than {@code b}; never for {@code NEITHER} figures. */
    boolean isBetter(double a, double b) {
        return switch (better) {
            case HIGHER -> a > b;
            case LOWER -> a < b;
            case NEITHER -> false;
        };
    }
}
