package dev.strand.internal.operations;

import dev.strand.internal.http.Endpoint;
import dev.strand.internal.http.StrandContext;
import dev.strand.internal.pipeline.Pipeline;
import java.util.function.Supplier;

/**
 * {@code GET} metrics in the Prometheus text format.
 *
 * @param middleware the global middleware, which runs first as for any request (an app can guard the path there)
 * @param scrape     writes every meter in the Prometheus text format 0.0.4
 */
public record MetricsEndpoint(Pipeline middleware, Supplier<String> scrape) implements Endpoint {
    /** The media type of the Prometheus text format, version 0.0.4, which every Prometheus server reads. */
    private static final String TEXT_FORMAT = "text/plain; version=0.0.4; charset=utf-8";

    @Override
    public void serve(StrandContext ctx) {
        ctx.setResponseHeader("Content-Type", TEXT_FORMAT)
                .setResponseHeader("Cache-Control", "no-store")
                .setResponseBody(scrape.get())
                .send();
    }
}
