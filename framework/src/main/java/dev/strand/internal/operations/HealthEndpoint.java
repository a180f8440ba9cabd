package dev.strand.internal.operations;

import dev.strand.internal.http.Endpoint;
import dev.strand.internal.http.StrandContext;
import dev.strand.internal.pipeline.Pipeline;

/**
 * {@code GET} liveness or readiness: 200 when up, 503 when not, with a JSON body naming each
 * check, never cached.
 *
 * @param middleware the global middleware, which runs first as for any request
 * @param health     the server's readiness
 * @param readiness  whether this is the readiness endpoint rather than liveness
 */
public record HealthEndpoint(Pipeline middleware, Health health, boolean readiness) implements Endpoint {

    @Override
    public void serve(StrandContext ctx) {
        var report = readiness ? health.ready() : Health.live();
        ctx.setResponseStatus(report.up() ? 200 : 503)
                .setResponseHeader("Cache-Control", "no-store")
                .setResponseBody(report.body())
                .send();
    }
}
