package dev.strand.internal.micrometer;

import dev.strand.Context;
import dev.strand.internal.metrics.HttpMeters;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * {@code http.server.requests}: a timer with a latency histogram per route pattern, method and
 * status, under the name and tags Micrometer's own HTTP instrumentations use, so that existing
 * dashboards read it. The {@code uri} tag is the route's pattern, never the raw path, so that
 * {@code /users/1} and {@code /users/2} are one series; a request no route took is
 * {@code NOT_FOUND} (404) or {@code UNMATCHED} (405, 501, a refused request line). The
 * operations endpoints are not recorded: probes and scrapes every few seconds would swamp the
 * request rate of a quiet app.
 */
final class HttpRequestMeters implements HttpMeters {
    static final String NAME = "http.server.requests";
    private static final List<String> METHODS = List.of("GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH");
    /** The method tag of a method outside the standard ones, so that a client cannot mint series. */
    private static final int OTHER_METHOD = METHODS.size();

    private final MeterRegistry registry;
    private final Set<String> unrecorded;
    private final ConcurrentHashMap<String, ConcurrentHashMap<Integer, Timer>> byRoute = new ConcurrentHashMap<>();

    /** Records into {@code registry}, except requests that matched one of {@code unrecorded} (route patterns). */
    HttpRequestMeters(MeterRegistry registry, Set<String> unrecorded) {
        this.registry = registry;
        this.unrecorded = Set.copyOf(unrecorded);
    }

    @Override
    public long start() {
        return System.nanoTime();
    }

    @Override
    public void end(Context exchange, String route, long start) {
        if (exchange.kind() != Context.Kind.HTTP || route != null && unrecorded.contains(route)) return;
        int status = exchange.responseStatus();
        var uri = route != null ? route : status == 404 ? "NOT_FOUND" : "UNMATCHED";
        int method = METHODS.indexOf(exchange.method());
        if (method < 0) method = OTHER_METHOD;
        int key = status * 16 + method;
        var timers = byRoute.computeIfAbsent(uri, u -> new ConcurrentHashMap<>());
        var timer = timers.get(key);
        if (timer == null) timer = timers.computeIfAbsent(key, k -> timer(uri, k % 16, status));
        timer.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
    }

    private Timer timer(String uri, int method, int status) {
        return Timer.builder(NAME)
                .description("HTTP requests answered, by route pattern, method and status")
                .tags("uri", uri, "method", method == OTHER_METHOD ? "OTHER" : METHODS.get(method),
                        "status", Integer.toString(status), "outcome", outcome(status))
                .publishPercentileHistogram()
                .register(registry);
    }

    private static String outcome(int status) {
        return switch (status / 100) {
            case 1 -> "INFORMATIONAL";
            case 2 -> "SUCCESS";
            case 3 -> "REDIRECTION";
            case 4 -> "CLIENT_ERROR";
            case 5 -> "SERVER_ERROR";
            default -> "UNKNOWN";
        };
    }
}
