package dev.strand.config;

import java.time.Duration;
import java.util.Objects;

/**
 * What a server tells its operators: metrics for Prometheus and health endpoints for a load
 * balancer or an orchestrator. All off by default; {@link #ON} turns both on at their default paths.
 *
 * <p>Metrics need Micrometer on the class path ({@code io.micrometer:micrometer-core} and, for the
 * endpoint, {@code micrometer-registry-prometheus}; {@code micrometer-java21} adds virtual-thread
 * figures). With metrics off Strand never loads a Micrometer class, and the request, WebSocket,
 * SSE and broadcast paths call only empty methods that the JIT removes.
 *
 * @param metrics    whether to record metrics. Default {@code false}
 * @param metricsPath where {@code GET} serves them in the Prometheus text format, when metrics
 *                   are on; {@code ""} serves them nowhere (for an app that publishes its own
 *                   registry). Default {@code "/metrics"}
 * @param jvmMetrics whether to add the JVM's figures (memory, GC, threads, class loading,
 *                   processor, uptime, and virtual threads with {@code micrometer-java21}, which
 *                   starts a Flight Recorder stream for them) to the registry. Default {@code true}
 * @param health     whether to serve the liveness and readiness endpoints. Default {@code false}
 * @param livePath   where {@code GET} answers whether the process runs. Default {@code "/health/live"}
 * @param readyPath  where {@code GET} answers whether the server takes traffic: 503 from the
 *                   moment a graceful stop begins, while a registered hub's Redis relay is down,
 *                   and while an app's check fails. Default {@code "/health/ready"}
 * @param drainTime  how long a graceful stop keeps serving after readiness turned 503, before it
 *                   stops accepting and closes WebSockets with 1001: long enough for the load
 *                   balancer's probes to notice (its interval times its failure threshold).
 *                   Default zero
 */
public record Operations(boolean metrics, String metricsPath, boolean jvmMetrics, boolean health, String livePath,
                         String readyPath, Duration drainTime) {

    /** Everything off; the paths and settings are the defaults used once turned on. */
    public static final Operations OFF = new Operations(false, "/metrics", true, false, "/health/live", "/health/ready",
            Duration.ZERO);

    /** Metrics and health on, at their default paths. */
    public static final Operations ON = OFF.withMetrics(true).withHealth(true);

    /**
     * Checks the settings.
     *
     * @throws NullPointerException     for a missing path or drain time
     * @throws IllegalArgumentException for a path that does not start with {@code /} (the metrics
     *                                  path may also be empty), two endpoints on the same path, or
     *                                  a negative drain time
     */
    public Operations {
        Objects.requireNonNull(metricsPath, "metricsPath");
        Objects.requireNonNull(livePath, "livePath");
        Objects.requireNonNull(readyPath, "readyPath");
        Objects.requireNonNull(drainTime, "drainTime");
        if (!metricsPath.isEmpty()) requirePath("metricsPath", metricsPath);
        requirePath("livePath", livePath);
        requirePath("readyPath", readyPath);
        if (livePath.equals(readyPath) || livePath.equals(metricsPath) || readyPath.equals(metricsPath)) {
            throw new IllegalArgumentException("metrics, liveness and readiness need paths of their own; got "
                    + metricsPath + ", " + livePath + ", " + readyPath);
        }
        if (drainTime.isNegative()) throw new IllegalArgumentException("drainTime must not be negative: " + drainTime);
    }

    private static void requirePath(String name, String path) {
        if (!path.startsWith("/")) throw new IllegalArgumentException(name + " must start with /, was '" + path + "'");
    }

    /**
     * {@return these settings with metrics on or off}
     *
     * @param on whether to record metrics
     */
    public Operations withMetrics(boolean on) {
        return new Operations(on, metricsPath, jvmMetrics, health, livePath, readyPath, drainTime);
    }

    /**
     * {@return these settings with another {@code metricsPath}}
     *
     * @param path where metrics are served, e.g. {@code "/internal/metrics"}; {@code ""} for nowhere
     */
    public Operations withMetricsPath(String path) {
        return new Operations(metrics, path, jvmMetrics, health, livePath, readyPath, drainTime);
    }

    /**
     * {@return these settings with the JVM's figures on or off}
     *
     * @param on whether to add the JVM's figures; off when the app's own registry has them already
     */
    public Operations withJvmMetrics(boolean on) {
        return new Operations(metrics, metricsPath, on, health, livePath, readyPath, drainTime);
    }

    /**
     * {@return these settings with the health endpoints on or off}
     *
     * @param on whether to serve liveness and readiness
     */
    public Operations withHealth(boolean on) {
        return new Operations(metrics, metricsPath, jvmMetrics, on, livePath, readyPath, drainTime);
    }

    /**
     * {@return these settings with another {@code livePath}}
     *
     * @param path where liveness is served, e.g. {@code "/livez"}
     */
    public Operations withLivePath(String path) {
        return new Operations(metrics, metricsPath, jvmMetrics, health, path, readyPath, drainTime);
    }

    /**
     * {@return these settings with another {@code readyPath}}
     *
     * @param path where readiness is served, e.g. {@code "/readyz"}
     */
    public Operations withReadyPath(String path) {
        return new Operations(metrics, metricsPath, jvmMetrics, health, livePath, path, drainTime);
    }

    /**
     * {@return these settings with another {@code drainTime}}
     *
     * @param time how long a stop serves on with readiness at 503; zero or more
     */
    public Operations withDrainTime(Duration time) {
        return new Operations(metrics, metricsPath, jvmMetrics, health, livePath, readyPath, time);
    }
}
