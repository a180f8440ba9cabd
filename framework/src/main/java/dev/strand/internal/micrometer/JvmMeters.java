package dev.strand.internal.micrometer;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.java21.instrument.binder.jdk.VirtualThreadMetrics;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Micrometer's JVM binders: memory, garbage collection, threads, class loading, processor and
 * uptime, and the virtual-thread figures when {@code micrometer-java21} is on the class path.
 */
final class JvmMeters {
    private static final Logger LOG = LoggerFactory.getLogger(JvmMeters.class);
    private static final String VIRTUAL_THREAD_METRICS = "io.micrometer.java21.instrument.binder.jdk.VirtualThreadMetrics";

    private JvmMeters() {
    }

    /** Binds them all to {@code registry}; returns the ones that hold resources (listeners, a JFR stream), to close at stop. */
    static List<AutoCloseable> bind(MeterRegistry registry) {
        new ClassLoaderMetrics().bindTo(registry);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        var held = new ArrayList<AutoCloseable>();
        var gc = new JvmGcMetrics();
        gc.bindTo(registry);
        held.add(gc);
        if (present(VIRTUAL_THREAD_METRICS)) held.add(virtualThreads(registry));
        return held;
    }

    /**
     * Binds the virtual-thread figures on a thread of their own. Only called when the class is
     * there: naming it elsewhere would fail without micrometer-java21. They read a JFR stream,
     * and starting JFR takes about a third of a second, a third of the app's start, which
     * serving need not wait for: the meters appear a moment after the server is up.
     */
    private static AutoCloseable virtualThreads(MeterRegistry registry) {
        var bound = new CompletableFuture<VirtualThreadMetrics>();
        Thread.ofPlatform().daemon().name("strand-metrics-jfr").start(() -> {
            try {
                var metrics = new VirtualThreadMetrics();
                metrics.bindTo(registry);
                bound.complete(metrics);
            } catch (RuntimeException e) {
                LOG.warn("the virtual-thread meters are off: their JFR stream did not start: {}", e.toString());
                bound.completeExceptionally(e);
            }
        });
        // at stop, waits for the binding to finish so that its JFR stream is closed, not leaked
        return () -> bound.get().close();
    }

    private static boolean present(String className) {
        try {
            Class.forName(className, false, JvmMeters.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
