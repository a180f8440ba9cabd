package com.example.auth;

import dev.strand.Context;
import dev.strand.annotation.Get;
import dev.strand.annotation.Sse;
import dev.strand.annotation.Use;
import dev.strand.annotation.Ws;
import dev.strand.sse.SseEvent;
import dev.strand.websocket.WsMessage;
import java.time.Instant;

// #region account
/** One middleware, three kinds of route: every route of this class needs a signed-in user. */
@Use(Auth.class)
public final class Account {

    public record Me(String user) {}

    @Get("/me")
    public Me me(Context ctx) {
        return new Me(ctx.attribute(Auth.USER));
    }

    /** A notepad socket: says who you are, then stamps each note with your name. */
    @Ws("/notes")
    public void notes(Context ctx) {
        var user = ctx.attribute(Auth.USER);              // set by Auth during the upgrade
        ctx.sendText("Hello, " + user);
        for (WsMessage msg; (msg = ctx.receive()) != null; ) {
            if (msg instanceof WsMessage.Text(var note)) ctx.sendText(user + ": " + note);
        }
    }

    public record Tick(String user, String time) {}

    /** A clock for the signed-in user, one event a second until they leave. */
    @Sse("/clock")
    public void clock(Context ctx) throws InterruptedException {
        var user = ctx.attribute(Auth.USER);              // set by Auth before the stream started
        while (!ctx.closed()) {
            ctx.sendEvent(SseEvent.data(new Tick(user, Instant.now().toString())).event("tick"));
            Thread.sleep(1000);
        }
    }
}
// #endregion account
