package com.example.context;

import com.example.middleware.RequestId;
import dev.strand.Context;
import dev.strand.annotation.Get;
import dev.strand.annotation.Post;
import dev.strand.annotation.Sse;
import dev.strand.sse.SseEvent;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Handlers that use the Context directly, one aspect each. */
public final class ContextTour {

    // #region request
    public record Seen(String method, String path, String route, Map<String, String> params,
                       List<String> tags, String agent, String theme, String remote,
                       String requestId) {}

    /** GET /inspect/42?tag=a&tag=b: what the request said. */
    @Get("/inspect/{id}")
    public Seen inspect(Context ctx) {
        return new Seen(
                ctx.method(),                         // "GET"
                ctx.path(),                           // "/inspect/42", still percent-encoded
                ctx.routePattern(),                   // "/inspect/{id}"
                ctx.pathParams(),                     // {"id": "42"}, decoded
                ctx.queryParams("tag"),               // ["a", "b"]; queryParam("tag") is "a"
                ctx.header("User-Agent"),             // case-insensitive; null when absent
                ctx.cookie("theme"),                  // null when absent
                ctx.remoteAddress(),                  // the socket's peer, e.g. "127.0.0.1"
                ctx.attribute(RequestId.ID));         // set by middleware earlier in the chain
    }
    // #endregion request

    // #region response
    /** Status, headers and body, then one send(). */
    @Get("/teapot")
    public void teapot(Context ctx) {
        ctx.setResponseStatus(418)
                .setResponseHeader("Cache-Control", "no-store")
                .addResponseHeader("Vary", "Accept")
                .setResponseBody(Map.of("short", true, "stout", true))   // an object: JSON
                .send();
    }
    // #endregion response

    // #region chunks
    /** A response written in parts: each sendBody() is one chunk, flushed at once. */
    @Get("/count")
    public void count(Context ctx) {
        ctx.setResponseHeader("Content-Type", "text/plain; charset=utf-8");
        for (int i = 1; i <= 3; i++) {
            ctx.setResponseBody(i + "\n").sendBody();
        }
    }
    // #endregion chunks

    // #region upload
    public record Received(long bytes, String sha256) {}

    /** A body of any size, read as it arrives and never held in memory whole. */
    @Post("/upload")
    public Received upload(Context ctx) throws IOException, NoSuchAlgorithmException {
        var digest = MessageDigest.getInstance("SHA-256");
        long total = 0;
        try (var in = ctx.requestBodyStream()) {          // each read blocks this virtual thread
            var buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) != -1; total += n) digest.update(buffer, 0, n);
        }
        return new Received(total, HexFormat.of().formatHex(digest.digest()));
    }
    // #endregion upload

    // #region on-close
    private final AtomicInteger watching = new AtomicInteger();

    /** How many watch this stream right now; the count stays right however a stream ends. */
    @Sse("/watchers")
    public void watchers(Context ctx) throws InterruptedException {
        watching.incrementAndGet();
        ctx.onClose(watching::decrementAndGet);    // once: client gone, handler done, server stop
        while (!ctx.closed()) {
            ctx.sendEvent(SseEvent.data(watching.get()).event("watchers"));
            Thread.sleep(1000);
        }
    }
    // #endregion on-close
}
