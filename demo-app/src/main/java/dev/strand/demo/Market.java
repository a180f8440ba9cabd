package dev.strand.demo;

import dev.strand.Context;
import dev.strand.broadcast.Hub;
import dev.strand.broadcast.MessageId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A make-believe market: while anyone watches (and for {@value #IDLE_MS} ms after the last one
 * left, so a watcher who drops for a moment has something to catch up on), a ticker moves a few
 * prices at random every half second and publishes each quote as JSON on the hub's
 * {@value #TOPIC} topic, which keeps a history ({@link DemoApp#app(Hub)}).
 */
public final class Market {
    static final String TOPIC = "stocks";
    private static final long TICK_MS = 500;
    private static final long IDLE_MS = 10_000;

    private final Hub hub;
    private final Map<String, Double> prices = new LinkedHashMap<>(Map.of(
            "ACME", 120.0, "GLOBEX", 54.2, "INITECH", 18.7, "UMBRELLA", 301.5, "HOOLI", 87.9));
    private final AtomicBoolean ticking = new AtomicBoolean();

    public Market(Hub hub) {
        this.hub = hub;
    }

    /**
     * Streams the quotes to an SSE connection until it ends, resuming after {@code after}: the
     * quotes it missed first, each once.
     */
    public void stream(Context ctx, MessageId after) throws InterruptedException {
        if (ticking.compareAndSet(false, true)) Thread.ofVirtual().name("demo-market").start(this::tick);
        hub.stream(ctx, TOPIC, after);
    }

    private void tick() {
        try {
            long watched = System.nanoTime();
            while (true) {
                if (hub.subscriberCount(TOPIC) > 0) watched = System.nanoTime();
                else if (System.nanoTime() - watched > IDLE_MS * 1_000_000) break;
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
