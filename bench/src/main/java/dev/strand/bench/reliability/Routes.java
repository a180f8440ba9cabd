package dev.strand.bench.reliability;

import dev.strand.Context;
import dev.strand.annotation.Body;
import dev.strand.annotation.Get;
import dev.strand.annotation.Post;
import dev.strand.annotation.Sse;
import dev.strand.annotation.Ws;
import dev.strand.bench.peer.Peer;
import dev.strand.broadcast.Delivery;
import dev.strand.broadcast.Hub;
import dev.strand.sse.SseEvent;
import dev.strand.websocket.WsMessage;
import java.util.Map;

/** The reliability scenarios' endpoints, written as a Strand user would. */
public final class Routes {
    private static final String SSE_TOPIC = "sse";

    private final Hub hub;
    private final Counters counters;

    Routes(Hub hub, Counters counters) {
        this.hub = hub;
        this.counters = counters;
    }

    /** Readiness: the harness polls it until the server answers. */
    @Get("/plaintext")
    public void plaintext(Context ctx) {
        ctx.setResponseHeader("Content-Type", "text/plain").setResponseBody(Peer.PLAINTEXT).send();
    }

    /** Subscribes the socket to {@code topic} and echoes what it sends: churn and graceful stop. */
    @Ws("/ws/room/{topic}")
    public void room(Context ctx) {
        hub.forward(ctx, ctx.pathParam("topic"));
        for (WsMessage m; (m = ctx.receive()) != null; ) {
            if (m instanceof WsMessage.Text(var text)) ctx.sendText(text);
        }
        counters.wsClosed(ctx.closeStatus().code());
    }

    /** Receives what is published to {@code topic}. */
    @Ws("/ws/sub/{topic}")
    public void subscriber(Context ctx) {
        hub.forward(ctx, ctx.pathParam("topic"));
        while (ctx.receive() != null) {
            // subscribers only listen; the loop waits for the close
        }
        counters.wsClosed(ctx.closeStatus().code());
    }

    /** Publishes every text message it gets to {@code topic}. */
    @Ws("/ws/pub/{topic}")
    public void publisher(Context ctx) {
        var topic = ctx.pathParam("topic");
        for (WsMessage m; (m = ctx.receive()) != null; ) {
            if (m instanceof WsMessage.Text(var text)) counters.published(hub.publish(topic, text));
        }
    }

    /** An SSE stream of what {@code POST /sse/publish} sends; its close action is counted. */
    @Sse("/sse/stream")
    public void stream(Context ctx) throws InterruptedException {
        counters.sseOpened.increment();
        try (var events = hub.subscribe(SSE_TOPIC)) {
            ctx.onClose(() -> {
                counters.sseCloseActions.increment();
                events.close();
            });
            for (Delivery d; (d = events.receive()) != null; ) {
                if (d instanceof Delivery.Message(var data, var id)) ctx.sendEvent(SseEvent.data(data));
            }
        }
    }

    @Post("/sse/publish")
    public void publish(Context ctx, @Body String data) {
        hub.publish(SSE_TOPIC, data);
        ctx.setResponseStatus(204);
    }

    /** Answers after {@code ms} milliseconds: a request still in flight when the server stops. */
    @Get("/slow")
    public String slow(Context ctx) throws InterruptedException {
        var millis = Long.parseLong(ctx.queryParam("ms"));
        counters.slowInFlight.increment();
        try {
            Thread.sleep(millis);
        } finally {
            counters.slowInFlight.decrement();
        }
        return "slept " + millis + " ms";
    }

    /** WebSockets closed so far, by close code: cheap enough to ask between broadcast rounds. */
    @Get("/diag/closes")
    public Map<Integer, Long> closes() {
        return counters.wsCloseCodes();
    }

    /** {@code [slow requests in flight, SSE streams opened]}: cheap enough to poll every few milliseconds. */
    @Get("/diag/open")
    public long[] open() {
        return new long[] {counters.slowInFlight.sum(), counters.sseOpened.sum()};
    }

    /** Per second since the epoch: {@code [messages published, local deliveries]}. */
    @Get("/diag/published")
    public Map<Long, long[]> published() {
        return counters.published();
    }

    /** What the server holds now; with {@code ?gc=true} the heap figure is taken right after a full GC. */
    @Get("/diag")
    public Diagnostics diag(Context ctx) throws Exception {
        return Probe.take(hub, counters, "true".equals(ctx.queryParam("gc")));
    }
}
