package dev.strand.broadcast;

import dev.strand.ClosedException;
import dev.strand.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers a forwarded subscription's messages straight into a WebSocket connection's outbound
 * buffer, on the publisher's thread. A WebSocket send only queues (it returns before the bytes are
 * written, and a peer that lets its buffer overflow is closed with 1013), so the publisher never
 * waits for the peer, and no thread per subscriber has to be woken for each message. A send that
 * finds the connection gone closes the subscription, which leaves its topic.
 */
final class DirectSink {
    private static final Logger LOG = LoggerFactory.getLogger(DirectSink.class);

    private final Context ctx;

    DirectSink(Context ctx) {
        this.ctx = ctx;
    }

    /** Sends one message; returns whether it went out, closing {@code subscription} when it cannot. */
    boolean send(String message, Subscription subscription) {
        try {
            ctx.sendText(message);
            return true;
        } catch (ClosedException e) {
            LOG.debug("{} left topic {}: {}", ctx, subscription.topic(), e.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("forwarding topic {} to {} failed; the connection leaves the topic", subscription.topic(), ctx, e);
        }
        subscription.close();
        return false;
    }
}
