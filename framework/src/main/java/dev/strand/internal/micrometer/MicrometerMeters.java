package dev.strand.internal.micrometer;

import dev.strand.broadcast.Hub;
import dev.strand.broadcast.HubMetrics;
import dev.strand.config.Operations;
import dev.strand.internal.metrics.HttpMeters;
import dev.strand.internal.metrics.Meters;
import dev.strand.internal.metrics.SseMeters;
import dev.strand.internal.metrics.WsMeters;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A server's metrics in a Micrometer registry: the app's own, or a Prometheus registry of
 * Strand's. Made once at startup when metrics are on (on one thread); closed when the server stops.
 */
public final class MicrometerMeters implements Meters, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MicrometerMeters.class);

    private final MeterRegistry registry;
    private final PrometheusMeterRegistry prometheus;
    private final boolean ownRegistry;
    private final HttpRequestMeters http;
    private final List<AutoCloseable> held = new ArrayList<>();
    private final Map<String, Hub> hubs;
    /** One per pattern: an SSE route served for GET and for POST shares its meters. */
    private final Map<String, WsRouteMeters> ws = new HashMap<>();
    private final Map<String, SseRouteMeters> sse = new HashMap<>();

    /**
     * Starts recording.
     *
     * @param operations  the settings: whether to add the JVM's figures
     * @param appRegistry the app's {@code MeterRegistry}, or {@code null} for a Prometheus registry of Strand's
     *                    (typed {@code Object} so that the assembly's code names no Micrometer type)
     * @param hubs        the app's hubs by name, to record too
     * @param unrecorded  route patterns whose requests are not recorded: the operations endpoints
     */
    public MicrometerMeters(Operations operations, Object appRegistry, Map<String, Hub> hubs, Set<String> unrecorded) {
        this.ownRegistry = appRegistry == null;
        this.registry = ownRegistry ? new PrometheusMeterRegistry(PrometheusConfig.DEFAULT) : (MeterRegistry) appRegistry;
        this.prometheus = prometheusIn(registry);
        this.http = new HttpRequestMeters(registry, unrecorded);
        if (operations.jvmMetrics()) held.addAll(JvmMeters.bind(registry));
        this.hubs = Map.copyOf(hubs);
        hubs.forEach((name, hub) -> hub.metrics(new HubMeters(registry, name, hub)));
    }

    private static PrometheusMeterRegistry prometheusIn(MeterRegistry registry) {
        return switch (registry) {
            case PrometheusMeterRegistry p -> p;
            case CompositeMeterRegistry c -> c.getRegistries().stream().map(MicrometerMeters::prometheusIn)
                    .filter(p -> p != null).findFirst().orElse(null);
            default -> null;
        };
    }

    /** Whether {@link #scrape()} has a Prometheus registry to read. */
    public boolean scrapes() {
        return prometheus != null;
    }

    /** {@return every meter in the Prometheus text format 0.0.4} */
    public String scrape() {
        return prometheus.scrape();
    }

    @Override
    public HttpMeters http() {
        return http;
    }

    @Override
    public WsMeters ws(String route) {
        return ws.computeIfAbsent(route, r -> new WsRouteMeters(registry, r));
    }

    @Override
    public SseMeters sse(String route) {
        return sse.computeIfAbsent(route, r -> new SseRouteMeters(registry, r));
    }

    /** Stops the hubs' reporting, lets go of the JVM binders' listeners and, for Strand's own registry, closes it. */
    @Override
    public void close() {
        hubs.values().forEach(hub -> hub.metrics(HubMetrics.NONE));
        for (var binder : held) {
            try {
                binder.close();
            } catch (Exception e) {
                LOG.debug("closing a JVM metrics binder failed", e);
            }
        }
        if (ownRegistry) registry.close();
    }
}
