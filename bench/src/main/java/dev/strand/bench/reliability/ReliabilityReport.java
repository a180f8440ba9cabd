package dev.strand.bench.reliability;

import dev.strand.bench.report.Machine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the reliability report from the scenarios' JSON lines: {@code <out>.md}, a table per
 * scenario with each figure, its bound and whether it met it, and {@code <out>.json} with the same.
 *
 * <pre>ReliabilityReport --results FILE --out PATH_WITHOUT_EXTENSION --mode quick|full [--meta key=value]...</pre>
 */
public final class ReliabilityReport {

    private ReliabilityReport() {
    }

    public static void main(String[] args) throws IOException {
        Path results = null, out = null;
        var mode = "full";
        var meta = new LinkedHashMap<String, String>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--results" -> results = Path.of(args[i + 1]);
                case "--out" -> out = Path.of(args[i + 1]);
                case "--mode" -> mode = args[i + 1];
                case "--meta" -> {
                    var kv = args[i + 1].split("=", 2);
                    meta.put(kv[0], kv.length > 1 ? kv[1] : "");
                }
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (results == null || out == null) {
            throw new IllegalArgumentException("usage: ReliabilityReport --results FILE --out PATH --mode quick|full [--meta key=value]...");
        }
        var outcomes = new ArrayList<Outcome>();
        for (var line : Files.readAllLines(results)) {
            if (!line.isBlank()) outcomes.add(Outcome.JSON.readValue(line, Outcome.class));
        }
        var machine = Machine.describe();
        long bounded = outcomes.stream().flatMap(o -> o.figures().stream()).filter(f -> f.met() != null).count();
        long met = outcomes.stream().flatMap(o -> o.figures().stream()).filter(f -> Boolean.TRUE.equals(f.met())).count();

        var json = new LinkedHashMap<String, Object>();
        json.put("mode", mode);
        json.put("machine", machine);
        json.put("meta", meta);
        json.put("bounded", bounded);
        json.put("met", met);
        json.put("scenarios", outcomes);
        Files.writeString(Path.of(out + ".json"), Outcome.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json) + "\n");
        Files.writeString(Path.of(out + ".md"), markdown(mode, machine, meta, outcomes, bounded, met));
        System.out.println("report: " + out + ".md (" + met + " of " + bounded + " bounds met)");
        System.exit(bounded > 0 && met == bounded ? 0 : 1);
    }

    private static String markdown(String mode, Machine machine, Map<String, String> meta, List<Outcome> outcomes, long bounded, long met) {
        var md = new StringBuilder();
        md.append("# Strand reliability report (").append(mode).append(" run)\n\n");
        md.append("Produced by `bench/run reliability`; what each scenario does and why its bounds are what they are: ")
                .append("bench/README.md, \"Reliability\".\n\n");
        md.append("- machine: ").append(machine.cpus()).append(" CPUs (").append(machine.cpuModel()).append("), ")
                .append(machine.memoryMib()).append(" MiB, Linux ").append(machine.kernel()).append(", ").append(machine.jdk()).append('\n');
        meta.forEach((k, v) -> md.append("- ").append(k).append(": ").append(v).append('\n'));
        md.append("\n**").append(met).append(" of ").append(bounded).append(" bounds met.**\n\n");
        md.append("| scenario | bounds met | not met |\n|---|---:|---|\n");
        for (var o : outcomes) {
            var failed = o.figures().stream().filter(f -> Boolean.FALSE.equals(f.met())).map(Figure::name).toList();
            md.append("| ").append(o.scenario()).append(" | ")
                    .append(o.figures().stream().filter(f -> Boolean.TRUE.equals(f.met())).count()).append(" of ")
                    .append(o.figures().stream().filter(f -> f.met() != null).count()).append(" | ")
                    .append(String.join("; ", failed)).append(" |\n");
        }
        for (var o : outcomes) {
            md.append("\n## ").append(o.scenario()).append("\n\n");
            o.params().forEach((k, v) -> md.append("- ").append(k).append(": ").append(v).append('\n'));
            md.append("\n| figure | value | bound | met |\n|---|---:|---|---|\n");
            for (var f : o.figures()) {
                md.append("| ").append(f.name()).append(" | ").append(format(f.value())).append(f.unit().isEmpty() ? "" : " " + f.unit())
                        .append(" | ").append(f.bound()).append(" | ")
                        .append(f.met() == null ? "" : f.met() ? "met" : "**not met**").append(" |\n");
            }
            if (!o.notes().isEmpty()) {
                md.append('\n');
                o.notes().forEach(n -> md.append("- ").append(n).append('\n'));
            }
        }
        return md.toString();
    }

    private static String format(Number value) {
        return new DecimalFormat("#,##0.##").format(value);
    }
}
