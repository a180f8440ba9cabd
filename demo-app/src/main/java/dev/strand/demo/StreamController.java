package dev.strand.demo;

import dev.strand.Context;
import dev.strand.annotation.Doc;
import dev.strand.annotation.QueryParam;
import dev.strand.annotation.Sends;
import dev.strand.annotation.Sse;
import dev.strand.annotation.Use;
import dev.strand.broadcast.MessageId;
import dev.strand.sse.SseEvent;
import java.util.Map;

/** Server-Sent Events: a finite ticker that resumes, a live market feed, and a stream behind auth. */
public final class StreamController {
    private final Market market;

    public StreamController(Market market) {
        this.market = market;
    }

    /** {@code count} ticks, {@code interval_ms} apart, ids 1..count; a reconnect resumes after {@code Last-Event-ID}. */
    @Sse("/sse/ticks")
    @Doc(summary = "A finite ticker that resumes after Last-Event-ID")
    @Sends(value = Long.class, description = "the tick's number, also its event id")
    public void ticks(Context ctx, @QueryParam(value = "count", defaultValue = "10") int count,
                      @QueryParam(value = "interval_ms", defaultValue = "1000") long intervalMs) throws InterruptedException {
        long first = resumeAfter(ctx.lastEventId()) + 1;
        for (long tick = first; tick <= count; tick++) {
            if (tick > first) Thread.sleep(intervalMs);
            ctx.sendEvent(SseEvent.data(tick).id(tick));
        }
    }

    /**
     * A never-ending feed of quotes, one JSON event per symbol every half second, each with its
     * id; a reconnect resumes after {@code Last-Event-ID} (or strand.js's {@code lastEventId}).
     */
    @Sse("/sse/stocks")
    @Doc(summary = "A live feed of make-believe stock quotes, resumable after a reconnect", tags = "stocks")
    @Sends(value = Quote.class, description = "a price change, one per symbol every half second; its id is where a reconnect resumes")
    @Sends(value = String.class, event = "gap", description = "the resume point is older than the history: the quotes that follow are all it keeps")
    public void stocks(Context ctx, MessageId after) throws InterruptedException {
        market.stream(ctx, after);
    }

    /** Behind the demo auth: greets the user, then keeps the stream open with heartbeats until the client leaves. */
    @Use(DemoAuth.class)
    @Sse("/sse/secure")
    @Doc(summary = "Greets the signed-in user, then only heartbeats", description = "Needs `Authorization: Bearer demo-token`.")
    @Sends(value = Map.class, event = "hello", description = "`{\"user\": name}`")
    public void secure(Context ctx) throws InterruptedException {
        ctx.sendEvent(SseEvent.data(Map.of("user", ctx.attribute(DemoAuth.USER))).event("hello"));
        while (!ctx.closed()) Thread.sleep(1000);
    }

    private static long resumeAfter(String lastEventId) {
        try {
            return lastEventId == null ? 0 : Math.max(0, Long.parseLong(lastEventId.trim()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
