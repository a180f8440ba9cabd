package dev.strand.demo;

import dev.strand.broadcast.Hub;
import dev.strand.broadcast.Subscription;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A make-believe market: while anyone watches, a ticker moves a few prices at random every half
 * second and publishes each {@link Quote} as JSON on the hub's {@value #TOPIC} topic.
 */
public final class Market {
    static final String TOPIC = "stocks";
    private static final long TICK_MS = 500;

    private final Hub hub;
    private final Map<String, Double> prices = new LinkedHashMap<>(Map.of(
            "ACME", 120.0, "GLOBEX", 54.2, "INITECH", 18.7, "UMBRELLA", 301.5, "HOOLI", 87.9));
    private final AtomicBoolean ticking = new AtomicBoolean();

    public Market(Hub hub) {
        this.hub = hub;
    }

    /** Quotes from now on; the ticker runs while at least one subscription is open. */
    public Subscription watch() {
        var quotes = hub.subscribe(TOPIC, 64);
        if (ticking.compareAndSet(false, true)) Thread.ofVirtual().name("demo-market").start(this::tick);
        return quotes;
    }

    private void tick() {
        try {
            while (hub.subscriberCount(TOPIC) > 0) {
                var random = ThreadLocalRandom.current();
                for (var entry : prices.entrySet()) {
                    double price = Math.max(1, entry.getValue() * (1 + random.nextGaussian() * 0.004));
                    entry.setValue(price);
                    hub.publish(TOPIC, DemoJson.write(new Quote(entry.getKey(), Math.round(price * 100) / 100.0,
                            random.nextInt(100, 5000), System.currentTimeMillis())));
                }
                Thread.sleep(TICK_MS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            ticking.set(false);
        }
        if (hub.subscriberCount(TOPIC) > 0 && ticking.compareAndSet(false, true)) {
            Thread.ofVirtual().name("demo-market").start(this::tick);
        }
    }
}
