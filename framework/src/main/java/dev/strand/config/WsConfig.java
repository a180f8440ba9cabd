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

    /**
     * Checks the settings and copies the origin list.
     *
     * @throws NullPointerException     for a missing duration or origin list
     * @throws IllegalArgumentException for a message or buffer size under 1 byte
     */
    public WsConfig {
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(pingInterval, "pingInterval");
        allowedOrigins = List.copyOf(allowedOrigins);
        if (maxMessageSize < 1) throw new IllegalArgumentException("maxMessageSize must be >= 1");
        if (outboundBufferSize < 1) throw new IllegalArgumentException("outboundBufferSize must be >= 1");
    }

    /**
     * {@return these settings with another {@code maxMessageSize}}
     *
     * @param bytes the largest message accepted, at least 1; a larger one closes with 1009
     */
    public WsConfig withMaxMessageSize(long bytes) {
        return new WsConfig(bytes, idleTimeout, pingInterval, outboundBufferSize, allowedOrigins, compression);
    }

    /**
     * {@return these settings with another {@code idleTimeout}}
     *
     * @param timeout how long a connection may carry no frame either way before it is closed
     */
    public WsConfig withIdleTimeout(Duration timeout) {
        return new WsConfig(maxMessageSize, timeout, pingInterval, outboundBufferSize, allowedOrigins, compression);
    }

    /**
     * {@return these settings with another {@code pingInterval}}
     *
     * @param interval how often to ping; {@code Duration.ZERO} turns pings off
     */
    public WsConfig withPingInterval(Duration interval) {
        return new WsConfig(maxMessageSize, idleTimeout, interval, outboundBufferSize, allowedOrigins, compression);
    }

    /**
     * {@return these settings with another {@code outboundBufferSize}}
     *
     * @param bytes the most bytes queued for a peer, at least 1; past it the peer is closed with 1013
     */
    public WsConfig withOutboundBufferSize(long bytes) {
        return new WsConfig(maxMessageSize, idleTimeout, pingInterval, bytes, allowedOrigins, compression);
    }

    /**
     * {@return these settings with other {@code allowedOrigins}}
     *
     * @param origins browser origins allowed besides the server's own, e.g. {@code "https://app.example.com"},
     *                or {@code "*"} for any
     */
    public WsConfig withAllowedOrigins(String... origins) {
        return new WsConfig(maxMessageSize, idleTimeout, pingInterval, outboundBufferSize, List.of(origins), compression);
    }

    /**
     * {@return these settings with {@code compression} on or off}
     *
     * @param on whether permessage-deflate may be negotiated
     */
    public WsConfig withCompression(boolean on) {
        return new WsConfig(maxMessageSize, idleTimeout, pingInterval, outboundBufferSize, allowedOrigins, on);
    }
}
