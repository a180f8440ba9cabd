package dev.strand.http;

import dev.strand.middleware.Pipeline;
import dev.strand.routing.Invoker;

/** A plain HTTP route: the handler writes the response, or what it returns becomes the body. */
public record HttpEndpoint(Pipeline middleware, Invoker invoker) implements Endpoint {

    @Override
    public void serve(StrandContext ctx) throws Exception {
        invoker.invoke(ctx);
        ctx.noContentIfEmpty();
    }
}
