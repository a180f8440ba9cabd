package dev.strand.bench.reliability;

import com.sun.management.HotSpotDiagnosticMXBean;
import dev.strand.broadcast.Hub;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/** Takes the server process's {@link Diagnostics}, for {@code GET /diag}. */
final class Probe {

    /** The class of the virtual thread scheduler's carriers (JDK internal, so named rather than referenced). */
    private static final String CARRIER = "jdk.internal.misc.CarrierThread";
    /** Strand names its Jetty thread pool "strand"; Jetty adds each thread's id. */
    private static final Pattern POOL_THREAD = Pattern.compile("strand-\\d+");
    private static final Pattern RSS = Pattern.compile("VmRSS:\\s+(\\d+) kB");

    private Probe() {
    }

    static Diagnostics take(Hub hub, Counters counters, boolean gc) throws IOException {
        if (gc) {
            System.gc();
        }
        var heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1024;
        int subscriptions = 0;
        for (var topic : hub.topics()) {
            subscriptions += hub.subscriberCount(topic);
        }
        int fds;
        try (var entries = Files.list(Path.of("/proc/self/fd"))) {
            fds = (int) entries.count() - 1; // the listing's own descriptor
        }
        var rss = RSS.matcher(Files.readString(Path.of("/proc/self/status")));
        var platform = Thread.getAllStackTraces().keySet();
        var carriers = (int) platform.stream().filter(t -> t.getClass().getName().equals(CARRIER)).count();
        var pool = (int) platform.stream().filter(t -> POOL_THREAD.matcher(t.getName()).matches()).count();
        return new Diagnostics(countVirtualThreads(), platform.size() - carriers - pool, pool, carriers, subscriptions, fds,
                heap, rss.find() ? Long.parseLong(rss.group(1)) : -1, counters.sseOpened.sum(),
                counters.sseCloseActions.sum(), counters.slowInFlight.sum(), hub.relayUp(), counters.wsCloseCodes());
    }

    /**
     * The JDK names virtual threads only in its thread dump ({@code getAllStackTraces} and the
     * thread MXBean see platform threads alone); the JSON form marks each one.
     */
    private static int countVirtualThreads() throws IOException {
        var file = Files.createTempFile("strand-diag", ".json");
        try {
            Files.delete(file); // dumpThreads refuses to overwrite
            ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
                    .dumpThreads(file.toString(), HotSpotDiagnosticMXBean.ThreadDumpFormat.JSON);
            try (var lines = Files.lines(file)) {
                return (int) lines.filter(line -> line.contains("\"virtual\": true")).count();
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
