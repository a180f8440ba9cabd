package dev.strand.tests.middleware.scanned;

import dev.strand.Context;
import dev.strand.Middleware;
import dev.strand.annotation.Get;
import dev.strand.annotation.Global;

/** A global middleware and a route found only by scanning this package. */
@Global
public final class Stamp implements Middleware {
    @Override
    public void handle(Context ctx, Chain chain) throws Exception {
        ctx.setResponseHeader("X-Stamp", "stamped");
        chain.proceed();
    }

    @Get("/scanned")
    public String scanned() {
        return "scanned";
    }
}
