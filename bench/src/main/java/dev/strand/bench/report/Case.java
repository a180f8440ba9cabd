package dev.strand.bench.report;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.stream.Collectors;

/**
 * One table of the report: a scenario at one size ({@code params}, such as 1,000 connections) and
 * every server's figures for it.
 */
record Case(String scenario, Map<String, Object> params, Map<Server, Map<String, Number>> values) {

    /** Strand's figure over another's, and over the best peer's. Ratios are null where a figure is missing. */
    record Comparison(Double strandVsJetty, Server bestPeer, Double strandVsBestPeer) {
    }

    /** "ws-echo, 1,000 connections"; "startup, 1 launch". */
    String title() {
        var sizes = params.entrySet().stream().map(Case::size).collect(Collectors.joining(", "));
        return sizes.isEmpty() ? scenario : scenario + ", " + sizes;
    }

    private static String size(Map.Entry<String, Object> param) {
        if (!(param.getValue() instanceof Number number)) {
            return param.getValue() + " " + param.getKey();
        }
        var unit = param.getKey();
        if (number.longValue() == 1) { // connections, subscribers, streams, launches
            unit = unit.substring(0, unit.length() - (unit.endsWith("ches") ? 2 : 1));
        }
        return String.format(Locale.ROOT, "%,d %s", number.longValue(), unit);
    }

    /** The metrics any server reported here, in {@link Metric} order. */
    List<Metric> metrics() {
        return Arrays.stream(Metric.values())
                .filter(metric -> values.values().stream().anyMatch(figures -> figures.containsKey(metric.id)))
                .toList();
    }

    /** The figure of {@code server}, if it has one. */
    OptionalDouble value(Server server, Metric metric) {
        var figures = values.get(server);
        var value = figures == null ? null : figures.get(metric.id);
        return value == null ? OptionalDouble.empty() : OptionalDouble.of(value.doubleValue());
    }

    /**
     * Compares Strand with raw Jetty and with the best peer on {@code metric}. Negative figures
     * (memory that shrank while connections opened: noise on tiny runs) take no part.
     */
    Comparison compare(Metric metric) {
        if (metric.better == Metric.Better.NEITHER) {
            return new Comparison(null, null, null);
        }
        Server best = null;
        for (var server : Server.values()) {
            var value = value(server, metric);
            if (server.role == Server.Role.PEER && value.isPresent() && value.getAsDouble() >= 0
                    && (best == null || metric.isBetter(value.getAsDouble(), value(best, metric).getAsDouble()))) {
                best = server;
            }
        }
        var strand = value(Server.STRAND, metric);
        return new Comparison(ratio(strand, value(Server.JETTY, metric)), best,
                best == null ? null : ratio(strand, value(best, metric)));
    }

    private static Double ratio(OptionalDouble a, OptionalDouble b) {
        if (a.isEmpty() || b.isEmpty() || a.getAsDouble() < 0 || b.getAsDouble() <= 0) {
            return null;
        }
        return Math.round(a.getAsDouble() / b.getAsDouble() * 100) / 100.0;
    }
}
