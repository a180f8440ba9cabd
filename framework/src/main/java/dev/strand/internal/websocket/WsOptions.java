package dev.strand.internal.websocket;

import dev.strand.annotation.Ws;
import dev.strand.config.WsConfig;
import java.time.Duration;
import java.util.List;

/**
 * One route's WebSocket settings: its {@link Ws} options over the server's {@link WsConfig}.
 *
 * @param maxMessageSize     bytes; larger messages close with 1009
 * @param idleTimeout        no frames either way for this long closes the connection
 * @param pingInterval       zero for no server pings
 * @param outboundBufferSize bytes queued and unwritten before the peer counts as too slow
 * @param origins            allowed origins besides the server's own
 * @param subprotocols       offered subprotocols, in order of preference
 * @param compression        whether permessage-deflate may be negotiated
 */
record WsOptions(long maxMessageSize, Duration idleTimeout, Duration pingInterval, long outboundBufferSize,
                 List<String> origins, List<String> subprotocols, boolean compression) {

    static WsOptions of(Ws route, WsConfig defaults) {
        return new WsOptions(
                route.maxMessageSize() > 0 ? route.maxMessageSize() : defaults.maxMessageSize(),
                route.idleTimeoutMs() > 0 ? Duration.ofMillis(route.idleTimeoutMs()) : defaults.idleTimeout(),
                route.pingIntervalMs() >= 0 ? Duration.ofMillis(route.pingIntervalMs()) : defaults.pingInterval(),
                defaults.outboundBufferSize(),
                route.origins().length > 0 ? List.of(route.origins()) : defaults.allowedOrigins(),
                List.of(route.subprotocols()),
                route.compression() && defaults.compression());
    }
}
