package dev.strand.tests.http;

import dev.strand.Context;
import dev.strand.annotation.Get;
import dev.strand.annotation.Post;
import dev.strand.annotation.Sse;
import dev.strand.annotation.Ws;
import dev.strand.sse.SseEvent;
import java.nio.charset.StandardCharsets;

/** The routes the transport tests talk to. */
public final class Routes {
    /** A body well over the compression threshold, compressible (text that repeats). */
    static final String BIG = "Strand streams events to browsers. ".repeat(300);

    @Get("/hello")
    public String hello() {
        return "hello";
    }

    @Get("/big")
    public String big() {
        return BIG;
    }

    /** Answers with the size of the body it read, after any decoding. */
    @Post("/size")
    public String size(Context ctx) {
        return Integer.toString(ctx.requestBody().length);
    }

    /** Echoes text messages; the first answer names the method of the handshake (GET, or CONNECT over HTTP/2). */
    @Ws("/echo")
    public void echo(Context ctx) {
        ctx.sendText("opened by " + ctx.method());
        for (byte[] message; (message = ctx.requestBody()).length > 0; ) {
            ctx.sendText("echo " + new String(message, StandardCharsets.UTF_8));
        }
    }

    /** Lets {@code /stepped} send its next event. */
    static final java.util.concurrent.Semaphore NEXT_EVENT = new java.util.concurrent.Semaphore(0);

    /**
     * Sends an event, then the next only once the test has seen it ({@link #NEXT_EVENT}): an event
     * held back anywhere on the way would stop the stream.
     */
    @Sse("/stepped")
    public void stepped(Context ctx) throws InterruptedException {
        for (int i = 1; i <= 3 && !ctx.closed(); i++) {
            ctx.sendEvent(SseEvent.data("step " + i + " " + "padding ".repeat(40)));
            if (!NEXT_EVENT.tryAcquire(10, java.util.concurrent.TimeUnit.SECONDS)) return;
        }
    }

    /** Sends numbered events, one at a time, until the client leaves. */
    @Sse("/ticks")
    public void ticks(Context ctx) throws InterruptedException {
        for (int i = 1; !ctx.closed(); i++) {
            ctx.sendEvent(SseEvent.data("tick " + i).id(Integer.toString(i)));
            Thread.sleep(200);
        }
    }
}
