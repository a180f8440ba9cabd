package dev.strand.internal.micrometer;

import dev.strand.broadcast.Hub;
import dev.strand.broadcast.HubMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * A hub's meters, tagged {@code hub} with the name the app gave it: topics and subscribers read from the hub at scrape time; published, delivered
 * and dropped messages and relay reconnects counted as the hub reports them; the relay's state
 * (1 up, 0 down) for a Redis hub. Topic names are not tags: rooms come and go by the thousand.
 */
final class HubMeters implements HubMetrics {
    private final Counter published;
    private final Counter delivered;
    private final Counter dropped;
    private final Counter reconnects;

    HubMeters(MeterRegistry registry, String name, Hub hub) {
        Gauge.builder("strand.broadcast.topics", hub, h -> h.topics().size())
                .description("Topics with subscribers on this instance").tag("hub", name).register(registry);
        Gauge.builder("strand.broadcast.subscribers", hub, Hub::subscriberCount)
                .description("Subscriptions on this instance, over all topics").tag("hub", name).register(registry);
        published = Counter.builder("strand.broadcast.published")
                .description("Messages published on this instance").tag("hub", name).register(registry);
        delivered = Counter.builder("strand.broadcast.delivered")
                .description("Messages handed to subscribers on this instance, one per subscriber").tag("hub", name).register(registry);
        dropped = Counter.builder("strand.broadcast.dropped")
                .description("Messages dropped for subscribers that fell behind (each one is told how many it missed)")
                .tag("hub", name).register(registry);
        reconnects = Counter.builder("strand.broadcast.relay.reconnects")
                .description("Times the Redis relay came back after an outage").tag("hub", name).register(registry);
        if (hub.relays()) {
            Gauge.builder("strand.broadcast.relay.up", hub, h -> h.relayUp() ? 1 : 0)
                    .description("1 while the Redis relay is connected both ways, else 0").tag("hub", name).register(registry);
        }
    }

    @Override
    public void published() {
        published.increment();
    }

    @Override
    public void delivered(int subscribers) {
        delivered.increment(subscribers);
    }

    @Override
    public void dropped() {
        dropped.increment();
    }

    @Override
    public void relayReconnected() {
        reconnects.increment();
    }
}
