package dev.strand.bench.jmh;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

/**
 * Prints the tables of a markdown summary of JMH's JSON result file ({@code -rf json}): one table
 * per benchmark class, a row per benchmark and parameter set, with the wall time per operation and
 * its 99.9% error, the CPU time per operation ({@link CpuTimeProfiler}) and the bytes allocated per
 * operation ({@code -prof gc}'s {@code gc.alloc.rate.norm}), the last two when the run had them.
 * {@code bench/jmh/run} writes the heading.
 *
 * <p>Usage: {@code java -cp benchmarks.jar dev.strand.bench.jmh.Summary result.json}
 */
public final class Summary {
    private static final String ALLOCATION = "gc.alloc.rate.norm";
    private static final String CPU = "cpu.time.norm";

    private Summary() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: Summary <jmh-result.json>");
            System.exit(2);
        }
        var results = new ObjectMapper().readTree(Path.of(args[0]).toFile());
        if (results.isEmpty()) {
            System.out.println("No benchmark produced a result.");
            return;
        }
        var first = results.get(0);
        System.out.printf(Locale.ROOT, "JMH %s, %s %s; %d fork(s), %d × %s warm-up, %d × %s measurement per benchmark.%n",
                first.path("jmhVersion").asText(), first.path("vmName").asText(), first.path("jdkVersion").asText(),
                first.path("forks").asInt(), first.path("warmupIterations").asInt(), first.path("warmupTime").asText(),
                first.path("measurementIterations").asInt(), first.path("measurementTime").asText());
        String group = null;
        for (var result : results) {
            var name = result.path("benchmark").asText();
            int dot = name.lastIndexOf('.');
            var type = name.substring(name.lastIndexOf('.', dot - 1) + 1, dot);
            if (!type.equals(group)) {
                group = type;
                System.out.printf("%n### %s%n%n", type);
                System.out.println("| benchmark | params | wall time/op | ± (99.9%) | CPU/op | allocated/op |");
                System.out.println("|---|---|---:|---:|---:|---:|");
            }
            var primary = result.path("primaryMetric");
            var secondary = result.path("secondaryMetrics");
            System.out.printf(Locale.ROOT, "| %s | %s | %s %s | %s | %s | %s |%n", name.substring(dot + 1), params(result.path("params")),
                    number(primary.path("score").asDouble()), primary.path("scoreUnit").asText(),
                    error(primary.path("scoreError").asDouble()),
                    secondary(secondary.path(CPU), " ns"), secondary(secondary.path(ALLOCATION), " B"));
        }
    }

    private static String params(JsonNode params) {
        var text = new StringBuilder();
        for (Iterator<Map.Entry<String, JsonNode>> it = params.fields(); it.hasNext(); ) {
            var param = it.next();
            if (!text.isEmpty()) text.append(", ");
            text.append(param.getKey()).append('=').append(param.getValue().asText());
        }
        return text.toString();
    }

    private static String secondary(JsonNode metric, String unit) {
        return metric.isMissingNode() ? "" : number(metric.path("score").asDouble()) + unit;
    }

    /** JMH reports NaN as the error of a single measured iteration. */
    private static String error(double value) {
        return Double.isNaN(value) ? "" : number(value);
    }

    /** Three significant digits at most, thousands grouped: 12.3, 456, 7,890. */
    private static String number(double value) {
        if (Math.abs(value) >= 100) return String.format(Locale.ROOT, "%,.0f", value);
        if (Math.abs(value) >= 10) return String.format(Locale.ROOT, "%.1f", value);
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
