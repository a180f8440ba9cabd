package dev.strand.demo;

import dev.strand.Context;
import dev.strand.annotation.Doc;
import dev.strand.annotation.Receives;
import dev.strand.annotation.Sends;
import dev.strand.annotation.Use;
import dev.strand.annotation.Ws;
import dev.strand.websocket.WsMessage;
import java.util.Map;

/** WebSocket echo routes: one loop per connection, on a virtual thread of its own. */
public final class EchoSocket {

    /** Text {@code x} comes back as {@code Echo: x}; binary comes back as the same bytes. */
    @Ws("/ws/echo")
    @Doc(summary = "Echoes text as `Echo: <text>` and binary as the same bytes")
    @Receives(String.class)
    @Receives(byte[].class)
    @Sends(String.class)
    @Sends(byte[].class)
    public void echo(Context ctx) {
        for (WsMessage msg; (msg = ctx.receive()) != null; ) {
            switch (msg) {
                case WsMessage.Text text -> ctx.sendText("Echo: " + text.text());
                case WsMessage.Binary binary -> ctx.sendBinary(binary.bytes());
            }
        }
    }

    /** Behind the demo auth: says who you are, then echoes. */
    @Use(DemoAuth.class)
    @Ws("/ws/secure")
    @Doc(summary = "Says who you are, then echoes", description = "Needs `Authorization: Bearer demo-token`.")
    @Receives(String.class)
    @Receives(byte[].class)
    @Sends(value = Map.class, description = "first: `{\"user\": name}`")
    @Sends(String.class)
    @Sends(byte[].class)
    public void secure(Context ctx) {
        ctx.sendJson(Map.of("user", ctx.attribute(DemoAuth.USER)));
        echo(ctx);
    }
}
