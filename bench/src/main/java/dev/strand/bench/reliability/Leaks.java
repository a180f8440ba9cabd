package dev.strand.bench.reliability;

import java.io.IOException;
import java.time.Duration;

/**
 * Compares what a server holds after a scenario with what it held before: the bounds every
 * "nothing left behind" figure is held to, with the small tolerances the JVM needs (a thread that
 * a pool keeps or lets go, a jar file opened late, garbage a full GC has not reclaimed).
 */
final class Leaks {

    /** Virtual or platform threads above the baseline that still count as none left behind. */
    static final int THREAD_SLACK = 2;
    /** File descriptors above the baseline, for files and sockets the JVM opens on its own. */
    static final int FD_SLACK = 4;
    /** Heap after a full GC above the baseline, for caches that fill on first use. */
    static final int HEAP_SLACK_MB = 8;
    /** How long connections that just closed may take to be cleaned up before the figures are read. */
    static final Duration SETTLE_LIMIT = Duration.ofSeconds(30);

    private Leaks() {
    }

    /** Whether {@code now} is within the bounds of {@code baseline}, heap aside. */
    static boolean settled(Diagnostics baseline, Diagnostics now) {
        return now.virtualThreads() <= baseline.virtualThreads() + THREAD_SLACK
                && now.platformThreads() <= baseline.platformThreads() + THREAD_SLACK
                && now.subscriptions() <= baseline.subscriptions()
                && now.fds() <= baseline.fds() + FD_SLACK;
    }

    /**
     * Waits until the server is back within its baseline's bounds (at most {@link #SETTLE_LIMIT}),
     * then adds the figures: each above the baseline, and the heap after a full GC.
     */
    static void check(ServerProcess server, Diagnostics baseline, Outcome outcome) throws IOException, InterruptedException {
        check(server, baseline, outcome, "");
    }

    /** As {@link #check(ServerProcess, Diagnostics, Outcome)}, each figure's name starting with {@code prefix}. */
    static void check(ServerProcess server, Diagnostics baseline, Outcome outcome, String prefix) throws IOException, InterruptedException {
        var started = System.nanoTime();
        var after = server.await(now -> settled(baseline, now), SETTLE_LIMIT);
        outcome.add(Figure.info(prefix + "time for the server to settle", Math.round((System.nanoTime() - started) / 1e6), "ms"));
        after = server.diag(true);
        outcome.note(prefix + "baseline → after: " + baseline.virtualThreads() + " → " + after.virtualThreads() + " virtual threads, "
                + baseline.platformThreads() + " → " + after.platformThreads() + " platform threads, "
                + baseline.poolThreads() + " → " + after.poolThreads() + " threads of the server's pool, "
                + baseline.carrierThreads() + " → " + after.carrierThreads() + " carriers of virtual threads, "
                + baseline.subscriptions() + " → " + after.subscriptions() + " subscriptions, "
                + baseline.fds() + " → " + after.fds() + " file descriptors, heap after GC "
                + mb(baseline.heapKb()) + " → " + mb(after.heapKb()) + " MiB, RSS " + mb(baseline.rssKb()) + " → " + mb(after.rssKb()) + " MiB");
        outcome.add(Figure.atMost(prefix + "virtual threads above baseline", after.virtualThreads() - baseline.virtualThreads(), "", THREAD_SLACK));
        outcome.add(Figure.atMost(prefix + "platform threads above baseline", after.platformThreads() - baseline.platformThreads(), "", THREAD_SLACK));
        outcome.add(Figure.atMost(prefix + "hub subscriptions above baseline", after.subscriptions() - baseline.subscriptions(), "", 0));
        outcome.add(Figure.atMost(prefix + "file descriptors above baseline", after.fds() - baseline.fds(), "", FD_SLACK));
        outcome.add(Figure.atMost(prefix + "heap after full GC above baseline", mb(after.heapKb() - baseline.heapKb()), "MiB", HEAP_SLACK_MB));
    }

    static double mb(long kb) {
        return Math.round(kb / 102.4) / 10.0;
    }
}
