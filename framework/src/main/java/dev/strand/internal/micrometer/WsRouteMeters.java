package dev.strand.internal.micrometer;

import dev.strand.internal.metrics.WsMeters;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One WebSocket route's meters, registered when the route is, all tagged {@code route} (the
 * pattern): open connections, messages and bytes each way, closes by code, slow consumers.
 */
final class WsRouteMeters implements WsMeters {
    private final MeterRegistry registry;
    private final String route;
    private final AtomicInteger open = new AtomicInteger();
    private final Counter messagesIn;
    private final Counter messagesOut;
    private final Counter bytesIn;
    private final Counter bytesOut;
    private final Counter slowConsumers;
    private final ConcurrentHashMap<Integer, Counter> closes = new ConcurrentHashMap<>();

    WsRouteMeters(MeterRegistry registry, String route) {
        this.registry = registry;
        this.route = route;
        Gauge.builder("strand.ws.connections", open, AtomicInteger::get)
                .description("WebSocket connections open now").tag("route", route).register(registry);
        messagesIn = messages("in");
        messagesOut = messages("out");
        bytesIn = bytes("in");
        bytesOut = bytes("out");
        slowConsumers = Counter.builder("strand.ws.slow.consumers")
                .description("WebSocket peers closed with 1013 because they let their outbound buffer overflow")
                .tag("route", route).register(registry);
    }

    private Counter messages(String direction) {
        return Counter.builder("strand.ws.messages").description("WebSocket messages received (in) and queued to send (out)")
                .tags("route", route, "direction", direction).register(registry);
    }

    private Counter bytes(String direction) {
        return Counter.builder("strand.ws.bytes").baseUnit("bytes")
                .description("WebSocket message payload, UTF-8 for text, received (in) and queued to send (out)")
                .tags("route", route, "direction", direction).register(registry);
    }

    @Override
    public void opened() {
        open.incrementAndGet();
    }

    @Override
    public void closed(int code) {
        open.decrementAndGet();
        var counter = closes.get(code);
        if (counter == null) {
            counter = closes.computeIfAbsent(code, c -> Counter.builder("strand.ws.closes")
                    .description("WebSocket connections ended, by close code (1006: the peer vanished)")
                    .tags("route", route, "code", Integer.toString(c)).register(registry));
        }
        counter.increment();
    }

    @Override
    public void textIn(String text) {
        messagesIn.increment();
        bytesIn.increment(Utf8.length(text));
    }

    @Override
    public void binaryIn(int bytes) {
        messagesIn.increment();
        bytesIn.increment(bytes);
    }

    @Override
    public void textOut(String text) {
        messagesOut.increment();
        bytesOut.increment(Utf8.length(text));
    }

    @Override
    public void binaryOut(int bytes) {
        messagesOut.increment();
        bytesOut.increment(bytes);
    }

    @Override
    public void slowConsumer() {
        slowConsumers.increment();
    }
}
