package dev.strand.tests.corpus;

import dev.strand.Context;
import dev.strand.HttpException;
import dev.strand.Middleware;
import dev.strand.Strand;
import dev.strand.config.FormConfig;
import dev.strand.annotation.Body;
import dev.strand.annotation.FormParam;
import dev.strand.annotation.Get;
import dev.strand.annotation.Header;
import dev.strand.annotation.PathParam;
import dev.strand.annotation.Post;
import dev.strand.annotation.QueryParam;
import dev.strand.annotation.Sse;
import dev.strand.annotation.Use;
import dev.strand.annotation.Ws;
import dev.strand.sse.SseEvent;
import dev.strand.websocket.WsMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;

/**
 * The one app the corpus runs against: a route for each way input reaches a handler (path and
 * query parameters, headers, cookies, raw and JSON bodies, a WebSocket echo, SSE streams with
 * typed parameters, a body and middleware), each with the smallest limits that keep rows cheap.
 */
final class CorpusApp {
    /** Bytes a whole body may have here; rows past it must get 413. */
    static final int MAX_BODY = 64 * 1024;
    /** Fields or parts a form may have here; rows past it must get 413. */
    static final int MAX_FIELDS = 8;
    /** Bytes a WebSocket message may have on {@code /ws/echo}; rows past it must get 1009. */
    static final int MAX_MESSAGE = 4096;

    private CorpusApp() {
    }

    static Strand.Builder builder() {
        return Strand.builder()
                .controllers(new Routes())
                .configure(c -> c.maxRequestBodySize(MAX_BODY)
                        .forms(FormConfig.DEFAULT.withMaxFields(MAX_FIELDS).withMaxFileSize(MAX_BODY).withMemoryThreshold(0))
                        // The corpus connects from loopback: proxy rows are read as from a trusted proxy.
                        .trustedProxies("127.0.0.1", "::1"));
    }

    public record Item(String name, int count) {}

    /** Refuses requests without a token, as an app's auth middleware would. */
    public static final class TokenRequired implements Middleware {
        @Override
        public void handle(Context ctx, Chain chain) throws Exception {
            if (ctx.header("Authorization") == null) throw new HttpException(401, "Sign in first: send Authorization");
            chain.proceed();
        }
    }

    public static final class Routes {
        @Get("/ok")
        public String ok() {
            return "ok";
        }

        @Get("/items/{id}")
        public String item(@PathParam long id) {
            return "item " + id;
        }

        @Get("/files/{name}")
        public String file(@PathParam String name) {
            return "file " + name;
        }

        @Get("/search")
        public String search(@QueryParam("token") String token, @QueryParam(value = "limit", defaultValue = "10") int limit) {
            return "token " + token + ", limit " + limit;
        }

        @Get("/cookie")
        public String cookie(Context ctx) {
            return "session " + ctx.cookie("session");
        }

        @Post("/bytes")
        public String bytes(@Body byte[] body) {
            return String.valueOf(body.length);
        }

        @Post("/form")
        public String form(@FormParam("name") String name) {
            return "name " + name;
        }

        @Post("/uploads")
        public String uploads(Context ctx) {
            return ctx.uploads().size() + " files";
        }

        @Post("/parts")
        public String parts(Context ctx) throws IOException {
            int parts = 0;
            for (var part : ctx.multipart()) {
                try (var in = part.inputStream()) {
                    in.transferTo(OutputStream.nullOutputStream());
                }
                parts++;
            }
            return parts + " parts";
        }

        @Get("/client")
        public String client(Context ctx) {
            return ctx.scheme() + "://" + ctx.host() + " from " + ctx.remoteAddress();
        }

        /** Reads the body as a stream, as large uploads do. */
        @Post("/upload")
        public String upload(Context ctx) throws IOException {
            try (var in = ctx.requestBodyStream()) {
                return String.valueOf(in.transferTo(OutputStream.nullOutputStream()));
            }
        }

        @Post("/items")
        public Item create(@Body Item item) {
            return item;
        }

        @Post("/tree")
        public Map<String, Integer> tree(@Body Map<String, Object> tree) {
            return Map.of("keys", tree.size());
        }

        @Ws(value = "/ws/echo", maxMessageSize = MAX_MESSAGE)
        public void echo(Context ctx) {
            for (WsMessage msg; (msg = ctx.receive()) != null; ) {
                switch (msg) {
                    case WsMessage.Text t -> ctx.sendText(t.text());
                    case WsMessage.Binary b -> ctx.sendBinary(b.bytes());
                }
            }
        }

        /** {@code count} events (at most 3), each saying how long the Last-Event-ID was. */
        @Sse("/sse/ticks")
        public void ticks(Context ctx, @QueryParam("count") int count) {
            var last = ctx.lastEventId();
            for (int i = 1; i <= Math.min(count, 3); i++) {
                ctx.sendEvent(SseEvent.data("tick " + i + " after " + (last == null ? "none" : last.length() + " chars")).id(i));
            }
        }

        @Sse("/sse/resume")
        public void resume(Context ctx, @Header("Last-Event-ID") Long from) {
            long start = from == null ? 0 : from;
            ctx.sendEvent(SseEvent.data("from " + start).id(start + 1));
        }

        @Sse(value = "/sse/search", method = "POST")
        public void searchStream(Context ctx, @Body Item query) {
            ctx.sendEvent(SseEvent.data(query));
        }

        @Sse("/sse/private")
        @Use(TokenRequired.class)
        public void privateStream(Context ctx) {
            ctx.sendEvent(SseEvent.data("secret"));
        }
    }
}
