package dev.strand.bench.jmh;

import dev.strand.broadcast.Hub;
import dev.strand.broadcast.Subscription;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

/**
 * {@link Hub#publish} to a topic of 1, 100 or 1,000 buffered subscriptions, in one thread.
 *
 * <p>No connection is involved: {@code Hub.forward} needs a live {@code Context}, and a
 * benchmark that faked one would measure the fake. What is measured is the hub's own share of a
 * delivery, in two honest halves:
 * <ul>
 *   <li>{@link #publishAndDrain}: one publish, then each subscription's delivery taken with
 *       {@code poll()}, as a forwarding thread's {@code receive()} takes it (same lock, same
 *       {@code Delivery} object), minus the wake-up of a parked reader. Per operation: one message
 *       through the hub to every subscriber.</li>
 *   <li>{@link #publishToLaggingSubscribers}: every buffer full and nobody reading, so each offer
 *       drops the oldest message: the cost a publisher pays per subscriber, alone.</li>
 * </ul>
 * A reader parked in {@code receive()} adds a virtual thread unpark per delivery, which belongs
 * to the end-to-end fan-out scenarios of {@code bench/run} rather than here.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class HubPublishBenchmark {
    private static final String TOPIC = "room";
    private static final String MESSAGE = "{\"from\":\"ada\",\"text\":\"hello, room\"}";

    @Param({"1", "100", "1000"})
    public int subscribers;

    private Hub hub;
    private List<Subscription> subscriptions;

    @Setup(Level.Trial)
    public void subscribe() {
        hub = Hub.inProcess();
        subscriptions = new ArrayList<>(subscribers);
        for (int i = 0; i < subscribers; i++) subscriptions.add(hub.subscribe(TOPIC));
    }

    @TearDown(Level.Trial)
    public void close() {
        hub.close();
    }

    @Benchmark
    public void publishAndDrain(Blackhole bh) {
        bh.consume(hub.publish(TOPIC, MESSAGE));
        for (var subscription : subscriptions) bh.consume(subscription.poll());
    }

    /** Fills every buffer first (outside the measurement); each publish then drops each subscriber's oldest. */
    @Benchmark
    public int publishToLaggingSubscribers(FullBuffers full) {
        return hub.publish(TOPIC, MESSAGE);
    }

    /** Puts the hub's subscriptions at capacity before each iteration. */
    @State(Scope.Benchmark)
    public static class FullBuffers {
        @Setup(Level.Iteration)
        public void fill(HubPublishBenchmark bench) {
            for (int i = 0; i < Hub.DEFAULT_CAPACITY; i++) bench.hub.publish(TOPIC, MESSAGE);
        }
    }
}
