package dev.strand.bench.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * CPU use over the measured stretch, from {@code /proc}: the server's, this load client's,
 * everyone else's on the machine, and the time the hypervisor gave to other machines (steal).
 * Server and client are each pinned to one core, so 100 % means that core was saturated: a client
 * near 100 % while the server is not says the number measures the client. Other processes or steal
 * above a few percent say the run shared the hardware and is not to be trusted.
 */
final class CpuMeter {

    /** Linux reports CPU time in USER_HZ ticks, 100 per second on every mainstream build. */
    private static final double TICKS_PER_SECOND = 100.0;

    private final long serverPid;
    private final long clientPid = ProcessHandle.current().pid();
    private long startNanos;
    private long serverTicks;
    private long clientTicks;
    private long machineTicks;
    private long stealTicks;

    CpuMeter(long serverPid) {
        this.serverPid = serverPid;
    }

    /** Marks the start of the measured stretch. */
    void start() {
        startNanos = System.nanoTime();
        serverTicks = processTicks(serverPid);
        clientTicks = processTicks(clientPid);
        var machine = machineTicks();
        machineTicks = machine[0];
        stealTicks = machine[1];
    }

    /** Puts the server's, client's, other processes' and stolen CPU since {@link #start()} into {@code metrics}. */
    void report(Map<String, Number> metrics) {
        var seconds = (System.nanoTime() - startNanos) / 1e9;
        var server = processTicks(serverPid) - serverTicks;
        var client = processTicks(clientPid) - clientTicks;
        var machine = machineTicks();
        var others = machine[0] - machineTicks - server - client;
        if (serverPid > 0) {
            metrics.put("server_cpu_pct", percent(server, seconds));
        }
        metrics.put("client_cpu_pct", percent(client, seconds));
        metrics.put("other_cpu_pct", percent(Math.max(0, others), seconds));
        metrics.put("steal_cpu_pct", percent(machine[1] - stealTicks, seconds));
    }

    private static double percent(long ticks, double seconds) {
        return Math.round(ticks / TICKS_PER_SECOND / seconds * 1000) / 10.0;
    }

    /** User plus system time of {@code pid}, or 0 when the process is unknown or gone. */
    private static long processTicks(long pid) {
        if (pid <= 0) {
            return 0;
        }
        try {
            var stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // Fields after the command name, which is in parentheses and may contain spaces.
            var fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime (fields 14 and 15)
        } catch (IOException e) {
            return 0;
        }
    }

    /**
     * Busy time of all cores (user, nice, system, irq, softirq) and steal time, from the first line
     * of {@code /proc/stat}.
     */
    private static long[] machineTicks() {
        try (var lines = Files.lines(Path.of("/proc/stat"))) {
            var fields = lines.findFirst().orElseThrow().trim().split("\\s+");
            var busy = Long.parseLong(fields[1]) + Long.parseLong(fields[2]) + Long.parseLong(fields[3])
                    + Long.parseLong(fields[6]) + Long.parseLong(fields[7]);
            return new long[] {busy, Long.parseLong(fields[8])};
        } catch (IOException e) {
            return new long[] {0, 0};
        }
    }
}
