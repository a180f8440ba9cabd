package dev.strand.bench.load;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/** What all connections of a {@code ws-echo} run share: the time line, the counts and latencies. */
final class EchoRun {

    final Latencies latencies = new Latencies();
    final LongAdder completed = new LongAdder();
    final AtomicLong errors = new AtomicLong();
    final CountDownLatch finished;
    volatile Window window;

    EchoRun(int connections) {
        finished = new CountDownLatch(connections);
    }
}
