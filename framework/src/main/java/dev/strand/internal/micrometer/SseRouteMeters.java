package dev.strand.internal.micrometer;

import dev.strand.internal.metrics.SseMeters;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One SSE route's meters, registered when the route is, all tagged {@code route}: open streams,
 * events sent, and clients found gone, by what noticed it (a heartbeat comment or a send).
 */
final class SseRouteMeters implements SseMeters {
    private final AtomicInteger open = new AtomicInteger();
    private final Counter events;
    private final Counter goneAtHeartbeat;
    private final Counter goneAtSend;

    SseRouteMeters(MeterRegistry registry, String route) {
        Gauge.builder("strand.sse.streams", open, AtomicInteger::get)
                .description("SSE streams open now").tag("route", route).register(registry);
        events = Counter.builder("strand.sse.events").description("SSE events (and other chunks) the handlers sent")
                .tag("route", route).register(registry);
        goneAtHeartbeat = disconnects(registry, route, "heartbeat");
        goneAtSend = disconnects(registry, route, "send");
    }

    private static Counter disconnects(MeterRegistry registry, String route, String noticedBy) {
        return Counter.builder("strand.sse.disconnects")
                .description("SSE clients found gone, by what noticed it: a heartbeat comment or a handler's send")
                .tags("route", route, "noticed_by", noticedBy).register(registry);
    }

    @Override
    public void opened() {
        open.incrementAndGet();
    }

    @Override
    public void closed() {
        open.decrementAndGet();
    }

    @Override
    public void event() {
        events.increment();
    }

    @Override
    public void vanished(boolean heartbeat) {
        (heartbeat ? goneAtHeartbeat : goneAtSend).increment();
    }
}
