package dev.strand.bench.load;

import java.util.Map;
import org.HdrHistogram.Recorder;

/**
 * Latencies of one run in an HdrHistogram {@link Recorder}: callbacks on any thread record
 * without locks, and the run reads the percentiles once at the end.
 */
final class Latencies {

    private final Recorder recorder = new Recorder(3);

    /** Records one latency; safe from any thread. */
    void record(long nanos) {
        recorder.recordValue(Math.max(0, nanos));
    }

    /** Puts p50, p99, p99.9 and max, in microseconds, into {@code metrics}; nothing when nothing was recorded. */
    void report(Map<String, Number> metrics) {
        var histogram = recorder.getIntervalHistogram();
        if (histogram.getTotalCount() == 0) {
            return;
        }
        metrics.put("p50_us", micros(histogram.getValueAtPercentile(50)));
        metrics.put("p99_us", micros(histogram.getValueAtPercentile(99)));
        metrics.put("p999_us", micros(histogram.getValueAtPercentile(99.9)));
        metrics.put("max_us", micros(histogram.getMaxValue()));
    }

    private static double micros(long nanos) {
        return Math.round(nanos / 100.0) / 10.0;
    }
}
