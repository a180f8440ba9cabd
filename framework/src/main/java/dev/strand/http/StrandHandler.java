package dev.strand.http;

import dev.strand.HttpException;
import dev.strand.middleware.Pipeline;
import dev.strand.routing.Lookup;
import dev.strand.routing.RouteMatch;
import dev.strand.routing.RouteTable;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The one Jetty handler of a Strand server. It runs on the request's virtual thread and may block:
 * match the route once, make the Context, run the global middleware around the route (or the
 * 404/405 answer), answer any failure, and finish the exchange.
 */
public final class StrandHandler extends Handler.Abstract {
    private final RouteTable<Endpoint> routes;
    private final Pipeline global;
    private final Services services;

    public StrandHandler(RouteTable<Endpoint> routes, Pipeline global, Services services) {
        super(InvocationType.BLOCKING);
        this.routes = routes;
        this.global = global;
        this.services = services;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        Lookup<Endpoint> lookup;
        try {
            lookup = routes.match(request.getMethod(), request.getHttpURI().getPath());
        } catch (IllegalArgumentException e) {
            services.errors().write(request, response, callback, 400, "Bad request path: " + e.getMessage());
            return true;
        }
        var ctx = new StrandContext(request, response, callback, lookup instanceof RouteMatch<?> m ? m : null, services);
        Throwable failure = null;
        try {
            global.run(ctx, () -> dispatch(ctx, lookup));
        } catch (Throwable t) {
            failure = services.errors().handle(ctx, t);
        }
        ctx.channel().complete(ctx, failure);
        return true;
    }

    private static void dispatch(StrandContext ctx, Lookup<Endpoint> lookup) throws Exception {
        switch (lookup) {
            case RouteMatch<Endpoint> m -> m.route().target().serve(ctx);
            case Lookup.OtherMethods<Endpoint> other -> {
                var allow = String.join(", ", other.allowed().stream().sorted().toList());
                ctx.setResponseHeader("Allow", allow);
                if ("OPTIONS".equals(ctx.method())) {
                    ctx.setResponseStatus(204);
                } else {
                    throw new HttpException(405, "Method " + ctx.method() + " is not allowed for " + ctx.path()
                            + "; allowed: " + allow);
                }
            }
            case Lookup.NotFound<Endpoint> none -> throw new HttpException(404, "No route for " + ctx.method() + " " + ctx.path());
        }
    }
}
