package dev.strand.broadcast;

import dev.strand.ClosedException;
import dev.strand.Context;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The virtual thread that sends a subscription's messages to one connection until either ends:
 * the connection's end closes the subscription (through {@link Context#onClose}), and a send that
 * finds the peer gone ends the loop, which closes it too.
 */
final class Forwarder implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(Forwarder.class);

    private final Context ctx;
    private final Subscription subscription;
    private final Sender send;

    /** Sends one delivery to the connection; may block. */
    @FunctionalInterface
    interface Sender {
        void accept(Context ctx, Delivery delivery);
    }

    private Forwarder(Context ctx, Subscription subscription, Sender send) {
        this.ctx = ctx;
        this.subscription = subscription;
        this.send = send;
    }

    /**
     * Ties the subscription to the connection and starts forwarding each message's text with
     * {@code send}; call on the handler's thread. A lag is logged: the peer just sees a gap, as a
     * connection that cannot keep up must not hold up the room.
     */
    static void start(Context ctx, Subscription subscription, BiConsumer<Context, String> send) {
        start(ctx, subscription, (Context c, Delivery d) -> {
            switch (d) {
                case Delivery.Message(var text, var id) -> send.accept(c, text);
                case Delivery.Lagged(var missed) -> LOG.debug("{} fell {} messages behind on topic {}", c, missed, subscription.topic());
                case Delivery.Gap() -> { }
            }
        });
    }

    /** Ties the subscription to the connection and starts forwarding every delivery with {@code send}. */
    static void start(Context ctx, Subscription subscription, Sender send) {
        ctx.onClose(subscription::close);
        Thread.ofVirtual().name("strand-forward-" + subscription.topic()).start(new Forwarder(ctx, subscription, send));
    }

    @Override
    public void run() {
        try {
            for (Delivery d; (d = subscription.receive()) != null; ) send.accept(ctx, d);
        } catch (ClosedException e) {
            LOG.debug("{} left topic {}: {}", ctx, subscription.topic(), e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.warn("forwarding topic {} to {} failed; the connection leaves the topic", subscription.topic(), ctx, e);
        } finally {
            subscription.close();
        }
    }
}
