package dev.strand.bench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/** Writes a run's report as Markdown: what ran where, a summary table, a table per case, and how to read them. */
final class Markdown {

    private final List<Server> servers;
    private final StringBuilder out = new StringBuilder();

    private Markdown(List<Server> servers) {
        this.servers = servers;
    }

    /** The whole report. */
    static String render(String name, String mode, Machine machine, Map<String, String> meta, List<Server> servers,
                         List<Case> cases, List<String> missing) {
        var markdown = new Markdown(servers);
        markdown.header(name, mode, machine, meta);
        markdown.summary(cases);
        markdown.details(cases);
        markdown.reading(missing);
        return markdown.out.toString();
    }

    private void header(String name, String mode, Machine machine, Map<String, String> meta) {
        line("# Strand benchmark: " + name);
        line("");
        line("A " + mode + " run of `bench/run`. **Server and load generator share one " + machine.cpus()
                + "-core machine**: each server runs alone, pinned to core 0 (`taskset -c 0`), while wrk or the Java load"
                + " client runs pinned to core 1. Loopback only. Servers run one after another, each in a fresh process.");
        if (mode.equals("quick")) {
            line("");
            line("Quick runs are tiny and short: they show the harness works, not how fast anything is.");
        }
        line("");
        line("| machine | |");
        line("|---|---|");
        line("| CPU | " + machine.cpuModel() + ", " + machine.cpus() + " logical CPUs |");
        line("| memory | " + String.format(Locale.ROOT, "%.1f GiB", machine.memoryMib() / 1024.0) + " |");
        line("| kernel | Linux " + machine.kernel() + " |");
        line("| JDK | " + machine.jdk() + " |");
        meta.forEach((key, value) -> line("| " + key + " | `" + value + "` |"));
        line("");
    }

    private void summary(List<Case> cases) {
        line("## Summary");
        line("");
        tableHead("case");
        for (var c : cases) {
            for (var metric : Summary.headlines(c.scenario())) {
                if (c.metrics().contains(metric)) {
                    row(c.title() + ": " + metric.heading(), c, metric);
                }
            }
        }
        line("");
    }

    private void details(List<Case> cases) {
        line("## Details");
        for (var c : cases) {
            line("");
            line("### " + c.title());
            line("");
            tableHead("figure");
            c.metrics().forEach(metric -> row(metric.heading(), c, metric));
        }
        line("");
    }

    private void reading(List<String> missing) {
        line("## How to read this");
        line("");
        line("- ↑ higher is better, ↓ lower is better. Figures without an arrow explain the others.");
        line("- Ratios are Strand's figure divided by the other's: above 1 is better for ↑ figures, below 1 for ↓ ones."
                + " *Best peer* is the best of Javalin, Helidon and node on that figure (named in brackets); raw Jetty is"
                + " the baseline, not a peer. Ratios stay blank while a figure is missing.");
        line("- Latencies: wrk's for HTTP; for WebSocket echo the round trip; for broadcast and SSE the time from the"
                + " publisher's send to each subscriber's receipt. Fan-out runs publish in rounds: the next message goes out"
                + " once every subscriber has the last (or 5 s passed, and the rest count as lost).");
        line("- Memory: heap in use right after a full GC (`jcmd GC.run`, JVMs only) and resident set size, with the"
                + " connections open; per connection is the growth over the server's figures before they opened.");
        line("- CPU: the server's and the load client's use of their own core during the measured stretch. A client near"
                + " 100 % while the server has room means the client was the limit. Other processes' CPU, or CPU stolen by"
                + " the hypervisor, above a few percent means the run shared the hardware and its figures are suspect.");
        if (!missing.isEmpty()) {
            line("");
            line("**Missing figures:** " + String.join("; ", missing) + ".");
        }
    }

    private void tableHead(String first) {
        var head = new ArrayList<String>();
        head.add(first);
        servers.forEach(server -> head.add(server.title));
        head.add("Strand / raw Jetty");
        head.add("Strand / best peer");
        line("| " + String.join(" | ", head) + " |");
        line("|---" + "|---:".repeat(head.size() - 1) + "|");
    }

    private void row(String label, Case c, Metric metric) {
        var cells = new ArrayList<String>();
        cells.add(label);
        servers.forEach(server -> cells.add(format(c.value(server, metric), metric)));
        var comparison = c.compare(metric);
        cells.add(ratio(comparison.strandVsJetty()));
        cells.add(comparison.strandVsBestPeer() == null ? ""
                : ratio(comparison.strandVsBestPeer()) + " (" + comparison.bestPeer().title + ")");
        line("| " + String.join(" | ", cells) + " |");
    }

    private static String format(OptionalDouble value, Metric metric) {
        return value.isPresent() ? metric.format(value.getAsDouble()) : "";
    }

    private static String ratio(Double ratio) {
        return ratio == null ? "" : String.format(Locale.ROOT, "%.2f×", ratio);
    }

    private void line(String text) {
        out.append(text).append('\n');
    }
}
