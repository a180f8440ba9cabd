package dev.strand.internal.http;

import dev.strand.HttpException;
import dev.strand.config.Limits;
import dev.strand.internal.metrics.HttpMeters;
import dev.strand.internal.pipeline.Pipeline;
import dev.strand.internal.routing.Lookup;
import dev.strand.internal.routing.RouteMatch;
import dev.strand.internal.routing.RouteTable;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The one Jetty handler of a Strand server. It runs on the request's virtual thread and may block:
 * check the limits, match the route once, make the Context, run the route's middleware chain (the
 * global one for a request no route takes) around the handler or the 404/405 answer, and finish
 * the exchange. Failures never escape: the chain turns them into responses.
 */
public final class StrandHandler extends Handler.Abstract {
    private static final Lookup<Endpoint> NOT_FOUND = new Lookup.NotFound<>();
    /**
     * The methods of RFC 9110 §9 and PATCH (RFC 5789). Another method no route takes answers 501
     * (RFC 9110 §15.6.2) rather than 405: no URI of this server could take it. Method names are
     * case-sensitive, so {@code get} is one of those.
     */
    private static final java.util.Set<String> METHODS =
            java.util.Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH");
    private final RouteTable<Endpoint> routes;
    private final Pipeline global;
    private final Services services;
    private final Limits limits;
    private final HttpMeters meters;

    public StrandHandler(RouteTable<Endpoint> routes, Pipeline global, Services services, HttpMeters meters) {
        super(InvocationType.BLOCKING);
        this.routes = routes;
        this.global = global;
        this.services = services;
        this.limits = services.config().limits();
        this.meters = meters;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        long start = meters.start();
        var uri = request.getHttpURI();
        var rejected = checkLimits(uri.getPath(), uri.getQuery());
        Lookup<Endpoint> lookup = NOT_FOUND;
        if (rejected == null) {
            try {
                lookup = routes.match(request.getMethod(), uri.getPath());
            } catch (IllegalArgumentException e) {
                rejected = new HttpException(400, "Bad request path: " + e.getMessage());
            }
        }
        var match = lookup instanceof RouteMatch<Endpoint> m ? m : null;
        var ctx = new StrandContext(new Exchange(request, response, callback), match, services);
        var found = lookup;
        var refusal = rejected;
        var chain = match != null ? match.route().target().middleware() : global;
        chain.run(ctx, () -> dispatch(ctx, found, refusal), services.errors());
        ctx.complete();
        meters.end(ctx, match == null ? null : match.route().pattern().source(), start);
        return true;
    }

    private HttpException checkLimits(String path, String query) {
        int length = path.length() + (query == null ? 0 : query.length() + 1);
        if (length > limits.maxUriLength()) {
            return new HttpException(414, "URI is longer than the limit of " + limits.maxUriLength() + " characters");
        }
        if (query != null && !query.isEmpty()) {
            int params = 1;
            for (int i = query.indexOf('&'); i >= 0 && params <= limits.maxQueryParams(); i = query.indexOf('&', i + 1)) params++;
            if (params > limits.maxQueryParams()) {
                return new HttpException(400, "Too many query parameters; the limit is " + limits.maxQueryParams());
            }
            var malformed = QueryString.malformed(query);
            if (malformed != null) return new HttpException(400, malformed);
        }
        return null;
    }

    private static void dispatch(StrandContext ctx, Lookup<Endpoint> lookup, HttpException rejected) throws Exception {
        if (rejected != null) throw rejected;
        if (!(lookup instanceof RouteMatch<Endpoint>) && !METHODS.contains(ctx.method())) {
            throw new HttpException(501, "Method " + ctx.method() + " is not implemented by this server");
        }
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
