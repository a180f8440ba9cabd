package com.example.hyperlane;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.strand.Context;
import dev.strand.Strand;
import dev.strand.annotation.QueryParam;
import dev.strand.annotation.Sse;
import dev.strand.annotation.Ws;
import dev.strand.broadcast.Delivery;
import dev.strand.broadcast.Hub;
import dev.strand.websocket.WsMessage;
import java.time.Duration;

/** The handlers of the hyperlane articles, written with Strand. */
public final class FromHyperlane {

    // #region echo
    /** chat_websocket_handler: a welcome, then echo until the client goes. */
    @Ws("/chat")
    public void chat(Context ctx) {
        ctx.setResponseBody("Welcome to chat, client: " + ctx.remoteAddress()).sendBody();
        for (byte[] body; (body = ctx.requestBody()).length > 0; ) {   // empty: client disconnected
            ctx.setResponseBody("Echo: " + new String(body, UTF_8)).sendBody();
        }
    }
    // #endregion echo

    // #region typed
    /** handle_ws_message: match on the kind of message. */
    @Ws("/typed")
    public void typed(Context ctx) {
        for (WsMessage msg; (msg = ctx.receive()) != null; ) {
            switch (msg) {
                case WsMessage.Text t -> ctx.sendText("Received: " + t.text());
                case WsMessage.Binary b -> ctx.sendBinary(b.bytes());
            }
        }
    }
    // #endregion typed

    public record Point(long timestamp, double value, int sequence) {}

    // #region data
    /** real_time_data_handler: a burst of JSON points over a WebSocket. */
    @Ws("/data")
    public void data(Context ctx, @QueryParam(defaultValue = "100") int count,
                     @QueryParam(defaultValue = "100") long everyMs) throws InterruptedException {
        ctx.sendText("Connected to real-time data stream");
        for (int i = 0; i < count && !ctx.closed(); i++) {
            ctx.sendJson(new Point(System.currentTimeMillis() / 1000, Math.random() * 100, i));
            Thread.sleep(everyMs);                      // blocks this virtual thread only
        }
    }
    // #endregion data

    // #region sse
    /** sse_handler: the seed's raw style works as it is; Strand has set the headers already. */
    @Sse("/sse")
    public void sse(Context ctx) {
        for (int i = 0; i < 10; i++) {
            ctx.setResponseBody("data:" + i + "\n\n").sendBody();
        }
    }

    /** The same stream for a #[post] route, with a named event. */
    @Sse(value = "/sse", method = "POST")
    public void custom(Context ctx) {
        ctx.setResponseBody("event: update\ndata: " + ctx.requestBodyString() + "\n\n").sendBody();
    }
    // #endregion sse

    // #region broadcast
    /** tokio::sync::broadcast::channel(100), send and recv, as a Hub topic. */
    public static String broadcastOnce() throws InterruptedException {
        try (var hub = Hub.inProcess()) {
            var rx = hub.subscribe("news", 100);    // let (tx, mut rx) = broadcast::channel(100);
            hub.publish("news", "hello");              // let _ = tx.send("hello");
            return switch (rx.receive(Duration.ofSeconds(1))) {   // rx.recv().await
                case Delivery.Message(var text, var id) -> "Received: " + text;
                case Delivery.Lagged(var missed) -> "Lagged by " + missed;   // RecvError::Lagged(n)
                case Delivery.Gap() -> "resumed with a gap";                 // no tokio counterpart
                case null -> "nothing";
            };
        }
    }
    // #endregion broadcast

    // #region server
    /** Server::new(), host, port, nodelay, linger: the same knobs, on a builder. */
    public static Strand.Builder server() {
        return Strand.builder()
                .controllers(new FromHyperlane())
                .host("0.0.0.0")                        // server.host("0.0.0.0")
                .port(60000)                            // server.port(60000)
                .configure(c -> c
                        .tcpNoDelay(true)               // server.enable_nodelay(): Strand's default
                        .lingerSeconds(-1)              // server.disable_linger(): the default too
                        .ws(w -> w.withMaxMessageSize(64 * 1024)));
    }
    // #endregion server

    public static void main(String[] args) {
        server().args(args).start();
    }
}
