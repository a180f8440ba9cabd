package dev.strand;

/**
 * A step every request passes before (and after) its handler: code before {@link Chain#proceed()}
 * runs first, code after it runs once the rest of the chain is done. A middleware that does not
 * call {@code proceed()} stops the chain and must answer itself, e.g. with 401.
 *
 * <p>The same chain runs for HTTP routes, for WebSocket upgrades (before the 101, so a 401 rejects
 * the handshake) and for SSE streams (before the stream starts).
 *
 * {@snippet :
 * Middleware auth = (ctx, chain) -> {
 *     if (!"Bearer demo-token".equals(ctx.header("Authorization"))) {
 *         throw new HttpException(401, "missing or wrong token");
 *     }
 *     ctx.attribute(USER, "demo");
 *     chain.proceed();
 * };
 * }
 */
@FunctionalInterface
public interface Middleware {

    /** Handles a request, passing it on with {@code chain.proceed()} or answering it. */
    void handle(Context ctx, Chain chain) throws Exception;

    /** The rest of the chain: later middleware, then the handler. */
    @FunctionalInterface
    interface Chain {
        /** Runs the rest of the chain on this thread and returns when it is done. */
        void proceed() throws Exception;
    }
}
