package dev.strand.bench.report;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Turns a run's result lines into {@code <out>.md} and {@code <out>.json}, prints the Markdown,
 * and exits with 1 when a scenario has no figures for a server that ran (what CI checks).
 *
 * <pre>
 * Report --results FILE --out PATH_WITHOUT_EXTENSION --mode quick|full
 *        --servers a,b,... --scenarios x,y,... [--h2c-servers a,...] [--meta "key=value"]...
 * </pre>
 */
public final class Report {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final TypeReference<LinkedHashMap<String, Object>> PARAMS = new TypeReference<>() { };

    /** The JSON form of one figure in one case. */
    record Figure(String metric, String label, String better, Map<String, Number> values,
                  Double strandVsRawJetty, String bestPeer, Double strandVsBestPeer) {
    }

    /** The JSON form of one case. */
    record CaseFigures(String scenario, Map<String, Object> params, List<Figure> figures) {
    }

    /** The JSON form of the report. */
    record Document(String name, String mode, String generated, String note, Machine machine, Map<String, String> meta,
                    List<String> servers, List<CaseFigures> cases, List<String> missing) {
    }

    /** The scenario only servers that speak cleartext HTTP/2 run ({@code --h2c-servers}). */
    private static final String H2C_SCENARIO = "http-plaintext-h2c";

    private Report() {
    }

    public static void main(String[] args) throws IOException {
        var line = CommandLine.parse(args);
        var options = line.options();
        var meta = line.meta();
        var results = Path.of(line.require("Report", "--results"));
        var out = line.require("Report", "--out");
        var mode = line.require("Report", "--mode");
        var servers = Arrays.stream(line.require("Report", "--servers").split(",")).map(Server::of).sorted().toList();
        var scenarios = List.of(line.require("Report", "--scenarios").split(","));

        var cases = read(results, scenarios);
        var h2cServers = options.containsKey("--h2c-servers")
                ? Arrays.stream(options.get("--h2c-servers").split(",")).map(Server::of).toList() : servers;
        var missing = missing(cases, scenarios, servers, h2cServers);
        var machine = Machine.describe();
        var name = Path.of(out).getFileName().toString();
        var markdown = Markdown.render(name, mode, machine, meta, servers, cases, missing);
        Files.writeString(Path.of(out + ".md"), markdown);
        JSON.writeValue(Path.of(out + ".json").toFile(), new Document(name, mode, Instant.now().toString(),
                "Server and load generator share one machine; each server is pinned to core 0, the load to core 1.",
                machine, meta, servers.stream().map(s -> s.id).toList(), cases.stream().map(Report::figures).toList(), missing));
        System.out.print(markdown);
        System.out.println("\nwrote " + out + ".md and " + out + ".json");
        if (!missing.isEmpty()) {
            System.err.println("bench: missing figures: " + String.join("; ", missing));
            System.exit(1);
        }
    }

    /**
     * Groups result lines into cases: scenarios in the order asked, sizes in the order run. A
     * server with several lines for one case (a run of several rounds) gets the median of each
     * figure.
     */
    private static List<Case> read(Path results, List<String> scenarios) throws IOException {
        var rounds = new LinkedHashMap<String, Map<Server, List<Map<String, Number>>>>();
        var cases = new LinkedHashMap<String, Case>();
        for (var line : Files.readAllLines(results)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode record = JSON.readTree(line);
            var scenario = record.get("scenario").asText();
            Map<String, Object> params = JSON.convertValue(record.get("params"), PARAMS);
            Map<String, Number> metrics = new LinkedHashMap<>();
            record.get("metrics").properties().forEach(e -> {
                if (e.getValue().isNumber()) {
                    metrics.put(e.getKey(), e.getValue().numberValue());
                }
            });
            var key = scenario + params;
            var server = Server.of(record.get("server").asText());
            cases.computeIfAbsent(key, k -> new Case(scenario, params, new EnumMap<>(Server.class)));
            rounds.computeIfAbsent(key, k -> new EnumMap<>(Server.class)).computeIfAbsent(server, k -> new ArrayList<>()).add(metrics);
        }
        rounds.forEach((key, byServer) -> byServer.forEach((server, figures) -> cases.get(key).values().put(server, Medians.of(figures))));
        return cases.values().stream()
                .sorted((a, b) -> Integer.compare(scenarios.indexOf(a.scenario()), scenarios.indexOf(b.scenario())))
                .toList();
    }

    /** Every scenario and server that ran but has no figures; the h2c scenario only counts the servers that speak h2c. */
    private static List<String> missing(List<Case> cases, List<String> scenarios, List<Server> servers, List<Server> h2cServers) {
        var missing = new ArrayList<String>();
        for (var scenario : scenarios) {
            var ofScenario = cases.stream().filter(c -> c.scenario().equals(scenario)).toList();
            for (var server : scenario.equals(H2C_SCENARIO) ? h2cServers : servers) {
                var some = ofScenario.stream().anyMatch(c -> {
                    var figures = c.values().get(server);
                    return figures != null && !figures.isEmpty();
                });
                if (!some) {
                    missing.add(scenario + " on " + server.title);
                }
            }
        }
        return missing;
    }

    private static CaseFigures figures(Case c) {
        var figures = c.metrics().stream().map(metric -> {
            var values = new LinkedHashMap<String, Number>();
            for (var server : Server.values()) {
                c.value(server, metric).ifPresent(v -> values.put(server.id, v));
            }
            var comparison = c.compare(metric);
            return new Figure(metric.id, metric.recordedLabel(), metric.better.name().toLowerCase(Locale.ROOT), values,
                    comparison.strandVsJetty(), comparison.bestPeer() == null ? null : comparison.bestPeer().id,
                    comparison.strandVsBestPeer());
        }).toList();
        return new CaseFigures(c.scenario(), c.params(), figures);
    }

}
