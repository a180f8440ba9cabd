package com.example.config;

import dev.strand.Context;
import dev.strand.annotation.Body;
import dev.strand.annotation.Post;
import dev.strand.annotation.Sse;
import dev.strand.annotation.Ws;
import dev.strand.sse.SseEvent;
import dev.strand.websocket.WsMessage;

/** Routes with options of their own, over the server-wide settings of {@link TunedApp}. */
public final class Tuned {

    @Post("/echo")
    public String echo(@Body String body) {
        return body;
    }

    // #region ws-options
    @Ws(value = "/ticker",
            maxMessageSize = 4 * 1024,                 // bytes; a bigger message closes with 1009
            idleTimeoutMs = 60_000,                    // no frame either way for a minute: close
            pingIntervalMs = 5_000,                    // ping every 5 s; no pong by the next: drop
            origins = {"https://app.example.com"},     // browser pages allowed besides our own
            subprotocols = {"ticker.v2", "ticker.v1"}, // offered, in order of preference
            compression = false)                       // no permessage-deflate
    public void ticker(Context ctx) {
        for (WsMessage msg; (msg = ctx.receive()) != null; ) {
            if (msg instanceof WsMessage.Text(var symbol)) ctx.sendText(symbol + " 101.5");
        }
    }
    // #endregion ws-options

    // #region sse-options
    // The query comes as a POST body; a ": ping" comment goes out every 5 s on a quiet stream.
    @Sse(value = "/search", method = "POST", heartbeatMs = 5_000)
    public void search(Context ctx) {
        var query = ctx.requestBodyString();
        for (var hit : new String[] {query + " one", query + " two"}) {
            ctx.sendEvent(SseEvent.data(hit).event("hit"));
        }
    }
    // #endregion sse-options
}
