package dev.strand.config;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Server-wide WebSocket defaults; a {@code @Ws} route may override each.
 *
 * @param maxMessageSize     largest message accepted, bytes; a larger one closes with 1009. Default 1 MiB
 * @param idleTimeout        closes a connection with no frame either way for this long. Default 5 minutes
 * @param pingInterval       sends a ping this often; a peer that has not answered the previous
 *                           one by then is dropped. {@code Duration.ZERO} turns pings off. Default 30 s
 * @param outboundBufferSize bytes (text counted in chars) queued for a peer but not yet written;
 *                           passing it closes the connection with 1013 (slow consumer). Default 1 MiB
 * @param allowedOrigins     browser origins allowed besides the server's own; {@code "*"} for any.
 *                           Requests without {@code Origin} (non-browser clients) are always allowed. Default none
 * @param compression        whether permessage-deflate may be negotiated. Default true
 */
public record WsConfig(long maxMessageSize, Duration idleTimeout, Duration pingInterval, long outboundBufferSize,
                       List<String> allowedOrigins, boolean compression) {

    /** The defaults listed above. */
    public static final WsConfig DEFAULT = new WsConfig(1024 * 1024, Duration.ofMinutes(5), Duration.ofSeconds(30),
            1024 * 1024, List.of(), true);

    public WsConfig {
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(pingInterval, "pingInterval");
        allowedOrigins = List.copyOf(allowedOrigins);
        if (maxMessageSize < 1) throw new IllegalArgumentException("maxMessageSize must be >= 1");
        if (outboundBufferSize < 1) throw new IllegalArgumentException("outboundBufferSize must be >= 1");
    }

    public WsConfig withMaxMessageSize(long bytes) {
        return new WsConfig(bytes, idleTimeout, pingInterval, outboundBufferSize, allowedOrigins, compression);
    }

    public WsConfig withIdleTimeout(Duration timeout) {
        return new WsConfig(maxMessageSize, timeout, pingInterval, outboundBufferSize, allowedOrigins, compression);
    }

    public WsConfig withPingInterval(Duration interval) {
        return new WsConfig(maxMessageSize, idleTimeout, interval, outboundBufferSize, allowedOrigins, compression);
    }

    public WsConfig withOutboundBufferSize(long bytes) {
        return new WsConfig(maxMessageSize, idleTimeout, pingInterval, bytes, allowedOrigins, compression);
    }

    public WsConfig withAllowedOrigins(String... origins) {
        return new WsConfig(maxMessageSize, idleTimeout, pingInterval, outboundBufferSize, List.of(origins), compression);
    }

    public WsConfig withCompression(boolean on) {
        return new WsConfig(maxMessageSize, idleTimeout, pingInterval, outboundBufferSize, allowedOrigins, on);
    }
}
