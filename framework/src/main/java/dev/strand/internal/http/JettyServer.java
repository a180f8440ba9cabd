package dev.strand.internal.http;

import dev.strand.config.StrandConfig;
import java.net.Socket;
import java.net.SocketException;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.ConnectionFactory;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.server.handler.SecuredRedirectHandler;
import org.eclipse.jetty.websocket.core.server.WebSocketMappings;
import org.eclipse.jetty.websocket.core.server.WebSocketServerComponents;

/**
 * The Jetty server behind a Strand app: every task on a virtual thread of its own (the selectors
 * and acceptors, each request, each WebSocket loop and SSE stream; see {@link StrandThreadPool}), one connector
 * configured from {@link StrandConfig}: plain HTTP/1.1 (with h2c beside it), or HTTPS (h2 and
 * HTTP/1.1 through ALPN), plus an optional plain port that redirects to HTTPS. The handler chain
 * is decided here, once: what is off (compression, the redirect) is not in it.
 */
public final class JettyServer {
    private final Server server;
    private final ServerConnector connector;
    private final ServerConnector redirect;

    public JettyServer(StrandConfig config, Handler handler, ErrorResponses errors) {
        var transport = config.transport();
        if (transport.redirectPort() >= 0 && transport.tls() == null) {
            throw new IllegalStateException("redirectPort " + transport.redirectPort()
                    + " redirects plain HTTP to HTTPS, which needs TLS settings (tls, or --tls / --tls-cert and --tls-key)");
        }
        var keys = transport.tls() == null ? null : ServerKeyStore.of(transport.tls());
        server = new Server(new StrandThreadPool("strand-vt-"));

        var http = new HttpConfiguration();
        http.setRequestHeaderSize(config.limits().maxHeaderSize());
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        // Jetty caches Cookie, Authorization and a few other fields per connection, matched without
        // regard to case by default: a request whose Cookie differs from the one before it only in
        // case (theme=Dark after theme=dark) would get the earlier value.
        http.setHeaderCacheCaseSensitive(true);
        if (!config.trustedProxies().isEmpty()) http.addCustomizer(new TrustedProxies(config.trustedProxies()));

        connector = keys == null
                ? new Connector(server, config.lingerSeconds(), Protocols.plain(http, transport.http2()))
                : new Connector(server, config.lingerSeconds(), Protocols.tls(http, transport.http2(), keys));
        // Jetty's startup log shows a connector by its name ("Started http@1b2c3d{HTTP/1.1, ...}{0.0.0.0:8080}"),
        // and without one by its class: here a Strand-internal subclass that means nothing to a reader.
        configure(connector, keys == null ? "http" : "https", config.host(), config.port(), config);
        server.addConnector(connector);
        if (transport.redirectPort() >= 0) {
            redirect = new Connector(server, config.lingerSeconds(), new HttpConnectionFactory(http));
            configure(redirect, "redirect", config.host(), transport.redirectPort(), config);
            server.addConnector(redirect);
        } else {
            redirect = null;
        }
        if (config.maxConnections() > 0) {
            server.addBean(new NetworkConnectionLimit(config.maxConnections(), server.getConnectors()));
        }

        // WebSocket routes upgrade through Jetty's core API (see WsEndpoint), which finds these here.
        server.getContext().setAttribute(WebSocketMappings.WEBSOCKET_MAPPING_ATTRIBUTE,
                new WebSocketMappings(WebSocketServerComponents.ensureWebSocketComponents(server)));
        Handler chain = handler;
        if (transport.compression().enabled()) chain = ResponseCompression.around(chain, transport.compression());
        // Only requests of the redirect port are not secure here: the HTTPS port refuses plain HTTP.
        if (redirect != null) chain = new SecuredRedirectHandler(chain, HttpStatus.TEMPORARY_REDIRECT_307);
        server.setHandler(new GracefulHandler(chain));
        server.setErrorHandler(new ProtocolErrorHandler(errors));
        server.setStopTimeout(config.stopTimeout().toMillis());
    }

    private static void configure(ServerConnector connector, String name, String host, int port, StrandConfig config) {
        connector.setName(name);
        connector.setHost(host);
        connector.setPort(port);
        connector.setIdleTimeout(config.idleTimeout().toMillis());
        connector.setAcceptQueueSize(config.acceptQueueSize());
        connector.setAcceptedTcpNoDelay(config.tcpNoDelay());
    }

    /** The Jetty server, for extensions that plug into it (WebSocket). */
    public Server server() {
        return server;
    }

    public void start() throws Exception {
        server.start();
        if (redirect != null) {
            // Known only now when the HTTPS port was 0; the redirect reads it per request.
            redirect.getConnectionFactory(HttpConnectionFactory.class).getHttpConfiguration().setSecurePort(port());
        }
    }

    /** The bound port (the real one when the configured port was 0). */
    public int port() {
        return connector.getLocalPort();
    }

    /** The bound redirect port, or -1 when there is none. */
    public int redirectPort() {
        return redirect == null ? -1 : redirect.getLocalPort();
    }

    /** Whether the main port serves HTTPS. */
    public boolean secure() {
        return connector.getConnectionFactory(SslConnectionFactory.class) != null;
    }

    /** What the main port speaks, for the startup log, e.g. {@code "HTTP/1.1 and h2c"}. */
    public String protocols() {
        boolean h2 = connector.getConnectionFactory("h2") != null || connector.getConnectionFactory("h2c") != null;
        if (secure()) return h2 ? "HTTP/2 and HTTP/1.1 over TLS" : "HTTP/1.1 over TLS";
        return h2 ? "HTTP/1.1 and h2c" : "HTTP/1.1";
    }

    /** Stops accepting, lets requests in flight finish within the stop timeout, then closes. */
    /**
     * Closes the listening sockets, so that clients told to go away (a WebSocket's 1001, an SSE
     * stream's end) and reconnecting at once are refused, not accepted by a server that is stopping.
     */
    public void stopAccepting() {
        for (var connector : server.getConnectors()) {
            if (connector instanceof ServerConnector listening) listening.close();
        }
    }

    public void stop() throws Exception {
        server.stop();
    }

    public void join() throws InterruptedException {
        server.join();
    }

    /** A connector that also applies SO_LINGER, which Jetty 12 no longer exposes. */
    private static final class Connector extends ServerConnector {
        private final int lingerSeconds;

        Connector(Server server, int lingerSeconds, ConnectionFactory... factories) {
            super(server, factories);
            this.lingerSeconds = lingerSeconds;
        }

        @Override
        protected void configure(Socket socket) {
            super.configure(socket);
            if (lingerSeconds >= 0) {
                try {
                    socket.setSoLinger(true, lingerSeconds);
                } catch (SocketException ignored) {
                    // the socket is already gone; the connection will fail on its own
                }
            }
        }
    }
}
