package dev.strand.internal.websocket;

import dev.strand.HttpException;
import dev.strand.annotation.Ws;
import dev.strand.config.WsConfig;
import dev.strand.internal.http.Endpoint;
import dev.strand.internal.http.StrandContext;
import dev.strand.internal.metrics.WsMeters;
import dev.strand.internal.pipeline.Pipeline;
import dev.strand.internal.routing.Invoker;
import java.util.List;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.core.server.WebSocketMappings;
import org.eclipse.jetty.websocket.core.server.WebSocketNegotiator;

/**
 * A {@code @Ws} route. The route's middleware has run on the upgrade request when
 * {@link #serve} is called; it checks the origin, then upgrades. The handler then runs on a
 * virtual thread of its own, started when the connection opens, with the same Context.
 */
public record WsEndpoint(Pipeline middleware, Invoker handler, WsOptions options, WsMeters meters) implements Endpoint {

    /**
     * The endpoint of {@code route}: its own options, {@code defaults} for those it leaves unset,
     * its connections and messages recorded by {@code meters}.
     */
    public static WsEndpoint of(Pipeline middleware, Invoker handler, Ws route, WsConfig defaults, WsMeters meters) {
        return new WsEndpoint(middleware, handler, WsOptions.of(route, defaults), meters);
    }

    /**
     * Upgrades, once the handshake is one this server can complete, the origin is allowed and the
     * handler's parameters bound: a refusal is an HTTP answer, never a WebSocket that closes at once.
     */
    @Override
    public void serve(StrandContext ctx) throws Exception {
        WsHandshake.check(ctx);
        if (!OriginPolicy.allows(ctx.header("Origin"), ctx.host(), options.origins())) {
            throw new HttpException(403, "Origin " + ctx.header("Origin") + " may not open this WebSocket");
        }
        int deflate = DeflateOffer.choose(ctx.headers("Sec-WebSocket-Extensions"));
        var arguments = handler.bind(ctx, false);
        var exchange = ctx.exchange();
        var mappings = (WebSocketMappings) exchange.request().getContext().getAttribute(WebSocketMappings.WEBSOCKET_MAPPING_ATTRIBUTE);
        var http = ctx.channel();
        var connection = new WsConnection(ctx, handler, arguments, options, exchange.request().getComponents().getScheduler(),
                meters);
        ctx.detach();
        ctx.channel(connection);
        boolean upgraded;
        try {
            WebSocketNegotiator negotiator = (request, response, callback) -> {
                var offered = request.getSubProtocols();
                options.subprotocols().stream().filter(offered::contains).findFirst().ifPresent(response::setAcceptedSubProtocol);
                response.setExtensions(options.compression() && deflate >= 0
                        ? List.of(request.getExtensions().stream().filter(e -> DeflateOffer.NAME.equalsIgnoreCase(e.getName()))
                                .toList().get(deflate))
                        : List.of());
                return connection;
            };
            upgraded = mappings.upgrade(negotiator, exchange.request(), exchange.response(), new Callback.Nested(exchange.callback()) {
                // Jetty recycles the exchange once this completes: the Context copies what it keeps first.
                @Override
                public void succeeded() {
                    ctx.release();
                    super.succeeded();
                }
            }, null);
        } catch (RuntimeException e) {
            ctx.channel(http);
            throw e;
        }
        if (!upgraded) {
            ctx.channel(http);
            ctx.setResponseHeader("Upgrade", "websocket");
            throw new HttpException(426, "This route speaks WebSocket; connect with a WebSocket client");
        }
    }
}
