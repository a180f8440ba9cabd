package dev.strand.internal.http;

import org.eclipse.jetty.alpn.server.ALPNServerConnectionFactory;
import org.eclipse.jetty.http2.server.HTTP2CServerConnectionFactory;
import org.eclipse.jetty.http2.server.HTTP2ServerConnectionFactory;
import org.eclipse.jetty.server.ConnectionFactory;
import org.eclipse.jetty.server.HostHeaderCustomizer;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * The protocol stacks of Strand's main port, as Jetty connection factories in the order a
 * connection passes through them. HTTP/2 requests carry no {@code Host} header ({@code :authority}
 * replaces it), so HTTP/2 gets a configuration of its own that adds one: the WebSocket origin check
 * and handlers read {@code Host} the same way on every protocol, and HTTP/1.1 pays nothing for it.
 */
final class Protocols {
    private Protocols() {
    }

    /** HTTP/1.1, with h2c beside it (prior knowledge, or {@code Upgrade: h2c}) when {@code http2}. */
    static ConnectionFactory[] plain(HttpConfiguration http, boolean http2) {
        var http11 = new HttpConnectionFactory(http);
        if (!http2) return new ConnectionFactory[] {http11};
        return new ConnectionFactory[] {http11, http2(new HTTP2CServerConnectionFactory(withHost(http)))};
    }

    /**
     * TLS first (plain HTTP answered by {@link TlsPortDetector}), then h2 or HTTP/1.1 as ALPN
     * chooses, HTTP/1.1 for clients without ALPN; only HTTP/1.1 when not {@code http2}.
     */
    static ConnectionFactory[] tls(HttpConfiguration http, boolean http2, ServerKeyStore keys) {
        var https = new HttpConfiguration(http);
        https.addCustomizer(new SecureRequestCustomizer());
        var tls = new SslContextFactory.Server();
        tls.setKeyStore(keys.store());
        tls.setKeyStorePassword(keys.password());
        tls.setKeyManagerPassword(keys.password());
        var http11 = new HttpConnectionFactory(https);
        if (!http2) {
            var ssl = new SslConnectionFactory(tls, http11.getProtocol());
            return new ConnectionFactory[] {new TlsPortDetector(ssl), ssl, http11};
        }
        var h2 = http2(new HTTP2ServerConnectionFactory(withHost(https)));
        var alpn = new ALPNServerConnectionFactory();
        alpn.setDefaultProtocol(http11.getProtocol());
        var ssl = new SslConnectionFactory(tls, alpn.getProtocol());
        return new ConnectionFactory[] {new TlsPortDetector(ssl), ssl, alpn, h2, http11};
    }

    /**
     * HTTP/2 with a Host header added, and without WebSocket over HTTP/2 (RFC 8441): with Jetty
     * 12.1.12 and Strand's one-frame-per-demand loop, messages over an HTTP/2 stream went missing
     * and a graceful stop waited for such streams; browsers then open WebSockets over HTTP/1.1.
     */
    private static <F extends org.eclipse.jetty.http2.server.AbstractHTTP2ServerConnectionFactory> F http2(F factory) {
        factory.setConnectProtocolEnabled(false);
        return factory;
    }

    private static HttpConfiguration withHost(HttpConfiguration http) {
        var copy = new HttpConfiguration(http);
        copy.addCustomizer(new HostHeaderCustomizer());
        return copy;
    }
}
