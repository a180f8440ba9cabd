package dev.strand.middleware;

import dev.strand.Context;
import dev.strand.Middleware;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs one line per request through SLF4J logger {@code dev.strand.access}: method, path, final
 * status, duration and remote address. Runs outermost, so it times the whole chain and sees the
 * status of error responses too. For a WebSocket the line is written at the upgrade (status 101).
 *
 * {@snippet :
 * Strand.builder().use(new AccessLog())
 * // INFO dev.strand.access - GET /hello/ada 200 0.4ms 127.0.0.1
 * }
 */
public final class AccessLog implements Middleware {
    private static final Logger LOG = LoggerFactory.getLogger("dev.strand.access");

    /** An access log; it has no settings (the logger's level decides whether lines are written). */
    public AccessLog() {
    }

    @Override
    public void handle(Context ctx, Chain chain) throws Exception {
        if (!LOG.isInfoEnabled()) {
            chain.proceed();
            return;
        }
        long start = System.nanoTime();
        try {
            chain.proceed();
        } finally {
            long micros = (System.nanoTime() - start) / 1000;
            LOG.info("{} {} {} {}.{}ms {}", ctx.method(), ctx.path(), ctx.responseStatus(),
                    micros / 1000, (micros % 1000) / 100, ctx.remoteAddress());
        }
    }

    /** Outermost of all. */
    @Override
    public int order() {
        return Integer.MIN_VALUE;
    }
}
