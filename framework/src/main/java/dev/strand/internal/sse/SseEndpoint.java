package dev.strand.internal.sse;

import dev.strand.annotation.Sse;
import dev.strand.internal.http.Endpoint;
import dev.strand.internal.http.StrandContext;
import dev.strand.internal.pipeline.Pipeline;
import dev.strand.internal.routing.Invoker;
import java.time.Duration;

/**
 * An {@code @Sse} route. The route's middleware has run when {@link #serve} is called (a 401 there
 * means no stream, and headers set there go out with the stream's); the stream's headers are then
 * sent and the handler runs on the request's virtual thread for the life of the stream, which ends
 * when it returns.
 */
public final class SseEndpoint implements Endpoint {
    private final Pipeline middleware;
    private final Invoker handler;
    private final Duration heartbeat;

    public SseEndpoint(Pipeline middleware, Invoker handler, Sse route, Duration defaultHeartbeat) {
        this.middleware = middleware;
        this.handler = handler;
        this.heartbeat = route.heartbeatMs() >= 0 ? Duration.ofMillis(route.heartbeatMs()) : defaultHeartbeat;
    }

    @Override
    public Pipeline middleware() {
        return middleware;
    }

    @Override
    public void serve(StrandContext ctx) throws Exception {
        ctx.setResponseHeader("Content-Type", "text/event-stream; charset=utf-8")
                .setResponseHeader("Cache-Control", "no-cache")
                .setResponseHeader("X-Accel-Buffering", "no");
        var stream = new SseChannel(ctx, heartbeat);
        ctx.channel(stream);
        stream.open();
        handler.invoke(ctx);
    }
}
