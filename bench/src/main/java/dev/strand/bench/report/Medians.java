package dev.strand.bench.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One server's figures for one case over several rounds, each figure the median of its rounds
 * (the mean of the middle two for an even count). Single runs on a shared 2-core machine vary by
 * 20 % and more, so a figure of three rounds or more is what a change is judged on.
 */
final class Medians {
    private Medians() {
    }

    /** The median of each metric over {@code rounds}; a metric some rounds lack is the median of those that have it. */
    static Map<String, Number> of(List<Map<String, Number>> rounds) {
        if (rounds.size() == 1) return rounds.getFirst();
        var medians = new LinkedHashMap<String, Number>();
        for (var round : rounds) {
            for (var metric : round.keySet()) {
                medians.computeIfAbsent(metric, m -> median(rounds.stream()
                        .filter(r -> r.containsKey(m)).mapToDouble(r -> r.get(m).doubleValue()).sorted().toArray()));
            }
        }
        return medians;
    }

    private static double median(double[] sorted) {
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
