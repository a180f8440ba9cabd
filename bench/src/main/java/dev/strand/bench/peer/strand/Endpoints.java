package dev.strand.bench.peer.strand;

import dev.strand.Context;
import dev.strand.annotation.Body;
import dev.strand.annotation.Get;
import dev.strand.annotation.Post;
import dev.strand.annotation.Sse;
import dev.strand.annotation.Ws;
import dev.strand.bench.peer.Greeting;
import dev.strand.bench.peer.Peer;
import dev.strand.broadcast.Delivery;
import dev.strand.broadcast.Hub;
import dev.strand.sse.SseEvent;
import dev.strand.websocket.WsMessage;

/** The benchmark's endpoints in Strand. */
public final class Endpoints {
    private static final String WS_TOPIC = "ws";
    private static final String SSE_TOPIC = "sse";

    private final Hub hub;

    public Endpoints(Hub hub) {
        this.hub = hub;
    }

    @Get("/plaintext")
    public void plaintext(Context ctx) {
        ctx.setResponseHeader("Content-Type", "text/plain").setResponseBody(Peer.PLAINTEXT).send();
    }

    @Get("/json")
    public Greeting json() {
        return Greeting.HELLO;
    }

    @Ws("/ws/echo")
    public void echo(Context ctx) {
        for (WsMessage m; (m = ctx.receive()) != null; ) {
            if (m instanceof WsMessage.Text text) ctx.sendText(text.text());
        }
    }

    @Ws("/ws/broadcast")
    public void subscriber(Context ctx) {
        hub.forward(ctx, WS_TOPIC);
        while (ctx.receive() != null) {
            // subscribers only listen; the loop waits for the close
        }
    }

    @Ws("/ws/publish")
    public void publisher(Context ctx) {
        for (WsMessage m; (m = ctx.receive()) != null; ) {
            if (m instanceof WsMessage.Text text) hub.publish(WS_TOPIC, text.text());
        }
    }

    @Sse("/sse/fanout")
    public void fanout(Context ctx) throws InterruptedException {
        try (var events = hub.subscribe(SSE_TOPIC)) {
            ctx.onClose(events::close);
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
}
