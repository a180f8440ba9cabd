package com.example.middleware;

import dev.strand.Context;
import dev.strand.Middleware;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

// #region request-id
/**
 * Gives every request an id: the caller's {@code X-Request-Id} or a new one, echoed in the
 * response and kept as an attribute for handlers and logs. Then logs one line with the outcome.
 */
public final class RequestId implements Middleware {
    public static final Context.Key<String> ID = Context.Key.of("request-id", String.class);
    private static final Logger LOG = LoggerFactory.getLogger(RequestId.class);

    @Override
    public void handle(Context ctx, Chain chain) throws Exception {
        // Before: set response headers here; after proceed() the response may be on the wire.
        var id = ctx.header("X-Request-Id");
        if (id == null || id.isBlank() || id.length() > 64) id = UUID.randomUUID().toString();
        ctx.attribute(ID, id).setResponseHeader("X-Request-Id", id);
        long start = System.nanoTime();

        chain.proceed();                               // later middleware, then the handler

        // After: runs even when the handler threw; the error is the response by now.
        LOG.info("{} {} {} -> {} in {} µs", id, ctx.method(), ctx.path(), ctx.responseStatus(),
                (System.nanoTime() - start) / 1000);
    }
}
// #endregion request-id
