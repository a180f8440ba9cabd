package dev.strand.config;

/**
 * How the server speaks on the wire: TLS, HTTP/2 and compression.
 *
 * <p>Without TLS, the port serves HTTP/1.1 and, when {@code http2} is on, cleartext HTTP/2 (h2c,
 * by prior knowledge or by {@code Upgrade: h2c}) beside it. With TLS, the port serves HTTPS: HTTP/2
 * and HTTP/1.1 chosen by ALPN, and plain HTTP sent to it answers 400; {@code redirectPort} may add
 * a plain port that redirects every request to HTTPS.
 *
 * @param tls          where the certificate comes from, or {@code null} for plain HTTP; default {@code null}
 * @param redirectPort a plain HTTP port that answers every request with a redirect to the HTTPS port;
 *                     -1 for none, 0 for a free one; only with TLS. Default -1
 * @param http2        whether HTTP/2 is offered (h2 through ALPN with TLS, h2c without); default true.
 *                     WebSockets open over HTTP/1.1 either way: WebSocket over HTTP/2 (RFC 8441) is not offered
 * @param compression  response compression and request decoding; default {@link Compression#DEFAULT}
 */
public record Transport(Tls tls, int redirectPort, boolean http2, Compression compression) {

    /** Plain HTTP/1.1 with h2c, compression on. */
    public static final Transport DEFAULT = new Transport(null, -1, true, Compression.DEFAULT);

    /**
     * Checks the settings.
     *
     * @throws NullPointerException     for missing compression settings
     * @throws IllegalArgumentException for a redirect port outside -1..65535 (one without TLS fails at start)
     */
    public Transport {
        java.util.Objects.requireNonNull(compression, "compression");
        if (redirectPort < -1 || redirectPort > 65535) {
            throw new IllegalArgumentException("redirectPort must be -1 (none) or 0..65535, was " + redirectPort);
        }
    }

    /**
     * {@return these settings with other TLS settings}
     *
     * @param settings the certificate's source, or {@code null} for plain HTTP
     */
    public Transport withTls(Tls settings) {
        return new Transport(settings, redirectPort, http2, compression);
    }

    /**
     * {@return these settings with another redirect port}
     *
     * @param port see {@link #redirectPort()}
     */
    public Transport withRedirectPort(int port) {
        return new Transport(tls, port, http2, compression);
    }

    /**
     * {@return these settings with HTTP/2 on or off}
     *
     * @param on whether HTTP/2 is offered
     */
    public Transport withHttp2(boolean on) {
        return new Transport(tls, redirectPort, on, compression);
    }

    /**
     * {@return these settings with other compression settings}
     *
     * @param settings e.g. {@link Compression#OFF}
     */
    public Transport withCompression(Compression settings) {
        return new Transport(tls, redirectPort, http2, settings);
    }
}
