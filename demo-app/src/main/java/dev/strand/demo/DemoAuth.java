package dev.strand.demo;

import dev.strand.Context;
import dev.strand.HttpException;
import dev.strand.Middleware;

/**
 * The demo's auth: accepts the token {@code demo-token} from {@code Authorization: Bearer ...}
 * or, for browsers that cannot set headers on WebSocket and EventSource, from a {@code token}
 * query parameter, and puts the user in the Context. One middleware for HTTP, WebSocket and SSE.
 */
public final class DemoAuth implements Middleware {
    /** The signed-in user's name, for handlers behind this middleware. */
    public static final Context.Key<String> USER = Context.Key.of("user", String.class);

    static final String TOKEN = "demo-token";

    @Override
    public void handle(Context ctx, Chain chain) throws Exception {
        var header = ctx.header("Authorization");
        var token = header != null && header.startsWith("Bearer ") ? header.substring(7).trim() : ctx.queryParam("token");
        if (!TOKEN.equals(token)) {
            ctx.setResponseHeader("WWW-Authenticate", "Bearer");
            throw new HttpException(401, token == null ? "Sign in: send Authorization: Bearer <token>" : "Unknown token");
        }
        ctx.attribute(USER, "demo");
        chain.proceed();
    }
}
