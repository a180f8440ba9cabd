package dev.strand.internal.sse;

import dev.strand.annotation.Sse;
import dev.strand.internal.http.Endpoint;
import dev.strand.internal.http.StrandContext;
import dev.strand.internal.metrics.SseMeters;
import dev.strand.internal.pipeline.Pipeline;
import dev.strand.internal.routing.Invoker;
import java.time.Duration;

/**
 * An {@code @Sse} route. The route's middleware has run when {@link #serve} is called (a 401 there
 * means no stream, and headers set there go out with the stream's); the stream's headers are then
 * sent and the handler runs on the request's virtual thread for the life of the stream, which ends
 * when it returns.
 */
public record SseEndpoint(Pipeline middleware, Invoker handler, Duration heartbeat, SseMeters meters) implements Endpoint {

    /**
     * The endpoint of {@code route}: its own heartbeat, or {@code defaultHeartbeat} when it sets
     * none; its streams and events recorded by {@code meters}.
     */
    public static SseEndpoint of(Pipeline middleware, Invoker handler, Sse route, Duration defaultHeartbeat, SseMeters meters) {
        return new SseEndpoint(middleware, handler,
                route.heartbeatMs() >= 0 ? Duration.ofMillis(route.heartbeatMs()) : defaultHeartbeat, meters);
    }

    /**
     * Binds the handler's parameters (and decodes a {@code @Body}) first, so that a request the
     * handler cannot take is refused with its 4xx before the stream starts; then starts the stream.
     */
    @Override
    public void serve(StrandContext ctx) throws Exception {
        var arguments = handler.bind(ctx, true);
        ctx.setResponseHeader("Content-Type", "text/event-stream; charset=utf-8")
                .setResponseHeader("Cache-Control", "no-cache")
                .setResponseHeader("X-Accel-Buffering", "no");
        var stream = new SseChannel(ctx.exchange(), ctx.channel(), ctx.services(), ctx.closeActions(), heartbeat, meters);
        ctx.channel(stream);
        stream.open();
        handler.invoke(ctx, arguments);
    }
}
