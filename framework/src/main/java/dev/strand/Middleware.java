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

    /**
     * Handles a request, passing it on with {@code chain.proceed()} or answering it. An exception
     * thrown here, or by anything later in the chain, becomes the error response before
     * {@code proceed()} returns, so code after {@code proceed()} always runs and sees the final
     * status. Runs on the request's thread.
     *
     * @param ctx   the request's Context
     * @param chain the rest of the chain; call {@code proceed()} at most once
     * @throws Exception anything; it becomes the error response ({@link HttpException} its status,
     *                   others a 500 or the app's {@link ExceptionHandler})
     */
    void handle(Context ctx, Chain chain) throws Exception;

    /**
     * Where this middleware runs relative to others: lower first (outermost). Equal values run
     * global before per-class before per-route, then in registration order. Default 0.
     *
     * @return the order; any int
     */
    default int order() {
        return 0;
    }

    /**
     * {@return the same middleware with another {@link #order()}, e.g. for a lambda}
     *
     * @param order      the order, lower first
     * @param middleware the middleware to run
     */
    static Middleware ordered(int order, Middleware middleware) {
        return new Middleware() {
            @Override
            public void handle(Context ctx, Chain chain) throws Exception {
                middleware.handle(ctx, chain);
            }

            @Override
            public int order() {
                return order;
            }

            @Override
            public String toString() {
                return middleware + " (order " + order + ")";
            }
        };
    }

    /** The rest of the chain: later middleware, then the handler. */
    @FunctionalInterface
    interface Chain {
        /**
         * Runs the rest of the chain on this thread and returns when it is done; a failure in it
         * has already become the response by then.
         *
         * @throws IllegalStateException when the same middleware calls it a second time
         * @throws Exception             never from Strand's chain; declared for chains that wrap one
         */
        void proceed() throws Exception;
    }
}
