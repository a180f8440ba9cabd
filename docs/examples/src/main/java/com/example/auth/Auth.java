package com.example.auth;

import dev.strand.Context;
import dev.strand.HttpException;
import dev.strand.Middleware;

/**
 * Lets a request through only with a valid session token, and tells the handler whose it is.
 * The same middleware guards plain HTTP routes, WebSocket upgrades (it runs before the 101, so
 * a 401 refuses the handshake) and SSE streams (before the stream starts).
 */
public final class Auth implements Middleware {
    /** The signed-in user, for handlers behind this middleware. */
    public static final Context.Key<String> USER = Context.Key.of("user", String.class);

    private final Sessions sessions;

    public Auth(Sessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public void handle(Context ctx, Chain chain) throws Exception {
        var user = sessions.user(token(ctx));
        if (user == null) {
            ctx.setResponseHeader("WWW-Authenticate", "Bearer");
            throw new HttpException(401, "Sign in first: POST /login");
        }
        ctx.attribute(USER, user);
        chain.proceed();
    }

    /**
     * The token from {@code Authorization: Bearer ...} (scripts, curl, mobile apps) or from the
     * {@code session} cookie (browsers: a page cannot set headers on a WebSocket or an
     * EventSource, but the browser sends cookies with both).
     */
    static String token(Context ctx) {
        var header = ctx.header("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return header.substring(7).strip();
        }
        return ctx.cookie("session");
    }
}
