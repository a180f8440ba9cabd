package dev.strand.internal.http;

import dev.strand.internal.pipeline.Pipeline;
import dev.strand.internal.routing.Invoker;

/** A plain HTTP route: the handler writes the response, or what it returns becomes the body. */
public record HttpEndpoint(Pipeline middleware, Invoker invoker) implements Endpoint {

    @Override
    public void serve(StrandContext ctx) throws Exception {
        invoker.invoke(ctx);
        ctx.noContentIfEmpty();
    }
}
