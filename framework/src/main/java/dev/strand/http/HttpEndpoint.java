package dev.strand.http;

import dev.strand.middleware.Pipeline;
import dev.strand.routing.Invoker;

/** A plain HTTP route: middleware, then the handler; the response is finished by the caller. */
public record HttpEndpoint(Pipeline middleware, Invoker invoker) implements Endpoint {

    @Override
    public void serve(StrandContext ctx) throws Exception {
        middleware.run(ctx, () -> invoker.invoke(ctx));
    }
}
