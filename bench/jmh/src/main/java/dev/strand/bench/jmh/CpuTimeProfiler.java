package dev.strand.bench.jmh;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * Adds {@code cpu.time.norm}: the CPU time that the benchmark JVM's Java threads used during an
 * iteration, per operation, in ns. On a machine that other work keeps busy, a thread waits for a
 * core and the wall time per operation grows with the load; its CPU time does not. It is counted
 * the way {@code -prof gc} counts allocation: over every live platform thread (carriers of
 * virtual threads included; the JIT compiler and GC threads are not Java threads here), from the
 * start to the end of each iteration, over all its operations. Use: {@code -prof dev.strand.bench.jmh.CpuTimeProfiler}.
 */
public final class CpuTimeProfiler implements InternalProfiler {
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private long before;

    @Override
    public String getDescription() {
        return "CPU time of the JVM's Java threads per operation, which waiting for a busy machine's cores does not inflate";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmark, IterationParams iteration) {
        before = cpuNanos();
    }

    @Override
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmark, IterationParams iteration, IterationResult result) {
        long used = cpuNanos() - before;
        long ops = result.getMetadata().getAllOps();
        return List.of(new ScalarResult("cpu.time.norm", ops == 0 ? Double.NaN : (double) used / ops, "ns/op", AggregationPolicy.AVG));
    }

    private long cpuNanos() {
        long sum = 0;
        for (long id : threads.getAllThreadIds()) {
            long nanos = threads.getThreadCpuTime(id);
            if (nanos > 0) sum += nanos;
        }
        return sum;
    }
}
