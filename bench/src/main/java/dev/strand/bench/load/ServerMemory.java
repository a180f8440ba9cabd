package dev.strand.bench.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * The server's memory at one moment: for a JVM, the heap in use right after a full GC (through
 * {@code jcmd}, the live data the connections hold), and for every server the resident set size
 * from {@code /proc/<pid>/status}.
 *
 * @param heapKb heap used after GC, or {@code null} when the server is not a JVM
 * @param rssKb  resident set size
 */
record ServerMemory(Long heapKb, long rssKb) {

    private static final Pattern HEAP_USED = Pattern.compile("heap\\s+total.*?used (\\d+)K");
    private static final Pattern RSS = Pattern.compile("VmRSS:\\s+(\\d+) kB");

    /** Runs a GC in {@code pid} if it is a JVM, then reads heap and RSS. */
    static ServerMemory of(long pid) throws IOException, InterruptedException {
        var heap = isJvm(pid) ? heapAfterGc(pid) : null;
        var status = Files.readString(Path.of("/proc", Long.toString(pid), "status"));
        var rss = RSS.matcher(status);
        if (!rss.find()) {
            throw new IOException("no VmRSS in /proc/" + pid + "/status");
        }
        return new ServerMemory(heap, Long.parseLong(rss.group(1)));
    }

    /**
     * Puts the figures with {@code connections} open, and per connection above {@code baseline}
     * (taken before they opened), into {@code metrics}.
     */
    void report(ServerMemory baseline, int connections, Map<String, Number> metrics) {
        if (heapKb != null) {
            metrics.put("heap_mb", Math.round(heapKb / 102.4) / 10.0);
            metrics.put("heap_per_conn_kb", perConnection(heapKb - baseline.heapKb, connections));
        }
        metrics.put("rss_mb", Math.round(rssKb / 102.4) / 10.0);
        metrics.put("rss_per_conn_kb", perConnection(rssKb - baseline.rssKb, connections));
    }

    private static double perConnection(long kb, int connections) {
        return connections == 0 ? 0 : Math.round(kb * 100.0 / connections) / 100.0;
    }

    /** Only a JVM may be attached to: jcmd's SIGQUIT would kill any other process. */
    private static boolean isJvm(long pid) throws IOException {
        var exe = Files.readSymbolicLink(Path.of("/proc", Long.toString(pid), "exe")).getFileName().toString();
        return exe.equals("java");
    }

    /** One attach runs both commands: a full GC, then the heap summary. */
    private static long heapAfterGc(long pid) throws IOException, InterruptedException {
        var commands = Files.createTempFile("bench-jcmd", ".txt");
        try {
            Files.writeString(commands, "GC.run\nGC.heap_info\n");
            var jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
            var process = new ProcessBuilder(jcmd, Long.toString(pid), "-f", commands.toString()).redirectErrorStream(true).start();
            var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IOException("jcmd failed on " + pid + ": " + output);
            }
            var used = HEAP_USED.matcher(output);
            if (!used.find()) {
                throw new IOException("no heap figure in jcmd output: " + output);
            }
            return Long.parseLong(used.group(1));
        } finally {
            Files.delete(commands);
        }
    }
}
