package dev.strand.bench.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns async-profiler's collapsed stacks of one Strand bench run into a Markdown summary: where
 * the server's CPU went (by owner, top frames by self and by inclusive time) and what it
 * allocated (top classes and sites, and bytes per message or request).
 *
 * <pre>
 * ProfileSummary --cpu FILE --alloc FILE --results FILE --scenario S --out FILE.md
 *                --warmup SECONDS --rewarm SECONDS --duration SECONDS [--meta "key=value"]...
 * </pre>
 *
 * <p>The profile covers the server's whole life, so the work per message is an estimate: the
 * operations are the measured rate times every second the load ran (warm-ups included), and the
 * JIT compiler's and the garbage collector's threads are shown apart from the work they serve.
 */
public final class ProfileSummary {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int TOP = 25;

    private ProfileSummary() {
    }

    /** One collapsed file: each distinct stack (root first) with its weight. */
    record Stacks(Map<List<String>, Long> weights, long total) {
        static Stacks read(Path file) throws IOException {
            var weights = new HashMap<List<String>, Long>();
            long total = 0;
            for (var line : Files.readAllLines(file)) {
                int space = line.lastIndexOf(' ');
                if (space < 0) continue;
                long weight = Long.parseLong(line.substring(space + 1).trim());
                weights.merge(List.of(line.substring(0, space).split(";")), weight, Long::sum);
                total += weight;
            }
            return new Stacks(weights, total);
        }
    }

    public static void main(String[] args) throws IOException {
        var line = CommandLine.parse(args);
        var options = line.options();
        var meta = line.meta();
        var scenario = options.get("--scenario");
        var cpu = Stacks.read(Path.of(options.get("--cpu")));
        var alloc = Stacks.read(Path.of(options.get("--alloc")));
        double operations = operations(Path.of(options.get("--results")), scenario,
                Double.parseDouble(options.get("--warmup")), Double.parseDouble(options.get("--rewarm")),
                Double.parseDouble(options.get("--duration")));

        var md = new StringBuilder();
        md.append("# Profile: Strand, ").append(scenario).append("\n\n");
        md.append("async-profiler (CPU samples every 1 ms of CPU time, Java and kernel frames; allocation samples "
                + "weighted by bytes) on the Strand bench server through a whole `bench/run ").append(scenario)
                .append("` (all sizes, warm-ups included). Written by `bench/profile`.\n\n");
        for (var e : meta.entrySet()) md.append("- ").append(e.getKey()).append(": ").append(e.getValue()).append('\n');
        md.append("- operations (messages or requests) the load made, estimated from the measured rates: ")
                .append(String.format(Locale.ROOT, "%,.0f", operations)).append("\n\n");

        var background = new LinkedHashMap<String, String>();
        background.put("JIT compiler threads", "CompileBroker::");
        background.put("garbage collector threads", "G1");
        long work = cpu.total();
        md.append("## CPU: what is not the work itself\n\n| part | share of all samples |\n|---|---:|\n");
        for (var e : background.entrySet()) {
            long w = weight(cpu, e.getValue());
            work -= w;
            md.append("| ").append(e.getKey()).append(" | ").append(pct(w, cpu.total())).append(" |\n");
        }
        md.append("\nThe rest (").append(pct(work, cpu.total())).append(" of the samples) is the work; the tables below "
                + "are shares of that work.\n\n");

        md.append("## CPU of the work, by the code that ran (self time)\n\n| owner | share |\n|---|---:|\n");
        var owners = new LinkedHashMap<String, Long>();
        var selfFrames = new HashMap<String, Long>();
        var inclusive = new HashMap<String, Long>();
        for (var e : cpu.weights().entrySet()) {
            var stack = e.getKey();
            if (background.values().stream().anyMatch(b -> stack.stream().anyMatch(f -> f.contains(b)))) continue;
            var leaf = stack.get(stack.size() - 1);
            owners.merge(owner(leaf), e.getValue(), Long::sum);
            selfFrames.merge(leaf, e.getValue(), Long::sum);
            for (var frame : new HashSet<>(stack)) inclusive.merge(frame, e.getValue(), Long::sum);
        }
        final long workTotal = work;
        owners.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> md.append("| ").append(e.getKey()).append(" | ").append(pct(e.getValue(), workTotal)).append(" |\n"));
        md.append("\n## Top frames by self time\n\n| share | frame |\n|---:|---|\n");
        top(selfFrames).forEach(e -> md.append("| ").append(pct(e.getValue(), workTotal)).append(" | `").append(e.getKey()).append("` |\n"));
        md.append("\n## Top frames by inclusive time (Strand and Jetty frames)\n\n| share | frame |\n|---:|---|\n");
        inclusive.entrySet().stream()
                .filter(e -> e.getKey().startsWith("dev/strand/") || e.getKey().startsWith("org/eclipse/jetty/"))
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(TOP + 10)
                .forEach(e -> md.append("| ").append(pct(e.getValue(), workTotal)).append(" | `").append(e.getKey()).append("` |\n"));

        md.append("\n## Allocation\n\n");
        md.append(String.format(Locale.ROOT, "%,.0f bytes allocated in all, about **%,.0f bytes per operation**.%n%n",
                (double) alloc.total(), operations > 0 ? alloc.total() / operations : Double.NaN));
        var classes = new HashMap<String, Long>();
        var sites = new HashMap<String, Long>();
        for (var e : alloc.weights().entrySet()) {
            var stack = e.getKey();
            var type = stack.get(stack.size() - 1).replaceAll("_\\[[ik]\\]$", "");
            classes.merge(type, e.getValue(), Long::sum);
            sites.merge(site(stack) + " → " + type, e.getValue(), Long::sum);
        }
        md.append("| share | bytes/op | class |\n|---:|---:|---|\n");
        top(classes).forEach(e -> md.append(row(e, alloc.total(), operations)));
        md.append("\n| share | bytes/op | where (first Strand or Jetty frame) → class |\n|---:|---:|---|\n");
        top(sites).forEach(e -> md.append(row(e, alloc.total(), operations)));

        Files.writeString(Path.of(options.get("--out")), md);
        System.out.print(md);
    }

    /** The messages or requests the load made: rate × every second it ran, over the sizes. */
    private static double operations(Path results, String scenario, double warmup, double rewarm, double duration) throws IOException {
        double operations = 0;
        boolean first = true;
        for (var line : Files.readAllLines(results)) {
            if (line.isBlank()) continue;
            JsonNode node = JSON.readTree(line);
            if (!node.path("scenario").asText().equals(scenario)) continue;
            var metrics = node.path("metrics");
            double rate = metrics.has("msgs_per_s") ? metrics.path("msgs_per_s").asDouble()
                    : metrics.has("req_per_s") ? metrics.path("req_per_s").asDouble()
                    : metrics.path("deliveries_per_s").asDouble();
            operations += rate * ((first ? warmup : rewarm) + duration);
            first = false;
        }
        return operations;
    }

    private static String owner(String frame) {
        if (frame.endsWith("_[k]")) return "kernel";
        if (frame.startsWith("dev/strand/")) return "Strand";
        if (frame.startsWith("org/eclipse/jetty/")) return "Jetty";
        if (frame.startsWith("java/") || frame.startsWith("jdk/") || frame.startsWith("sun/")) return "JDK (Java)";
        return "JVM and libc (native)";
    }

    /** The innermost Strand or Jetty frame of an allocation stack: the code that asked for the memory. */
    private static String site(List<String> stack) {
        for (int i = stack.size() - 2; i >= 0; i--) {
            var frame = stack.get(i);
            if (frame.startsWith("dev/strand/") || frame.startsWith("org/eclipse/jetty/")) return frame;
        }
        return stack.size() > 1 ? stack.get(stack.size() - 2) : "?";
    }

    private static long weight(Stacks stacks, String marker) {
        long w = 0;
        for (var e : stacks.weights().entrySet()) {
            if (e.getKey().stream().anyMatch(f -> f.contains(marker))) w += e.getValue();
        }
        return w;
    }

    private static List<Map.Entry<String, Long>> top(Map<String, Long> counts) {
        var list = new ArrayList<>(counts.entrySet());
        list.sort(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()));
        return list.subList(0, Math.min(TOP, list.size()));
    }

    private static String row(Map.Entry<String, Long> e, long total, double operations) {
        return String.format(Locale.ROOT, "| %s | %.1f | `%s` |%n", pct(e.getValue(), total),
                operations > 0 ? e.getValue() / operations : Double.NaN, e.getKey());
    }

    private static String pct(long part, long total) {
        return total == 0 ? "–" : String.format(Locale.ROOT, "%.1f %%", 100.0 * part / total);
    }
}
