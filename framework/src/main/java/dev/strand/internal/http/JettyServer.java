package dev.strand.internal.http;

import dev.strand.config.StrandConfig;
import java.net.Socket;
import java.net.SocketException;
import java.util.concurrent.Executors;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.websocket.server.ServerWebSocketContainer;

/**
 * The Jetty server behind a Strand app: selectors and acceptors on platform threads, every
 * request (and each WebSocket loop and SSE stream) on a virtual thread of its own, one HTTP/1.1
 * connector configured from {@link StrandConfig}.
 */
public final class JettyServer {
    private final Server server;
    private final ServerConnector connector;

    public JettyServer(StrandConfig config, Handler handler, ErrorResponses errors) {
        var threads = new StrandThreadPool();
        threads.setName("strand");
        threads.setVirtualThreadsExecutor(
                Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("strand-vt-", 0).factory()));
        server = new Server(threads);

        var http = new HttpConfiguration();
        http.setRequestHeaderSize(config.limits().maxHeaderSize());
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        // Jetty caches Cookie, Authorization and a few other fields per connection, matched without
        // regard to case by default: a request whose Cookie differs from the one before it only in
        // case (theme=Dark after theme=dark) would get the earlier value.
        http.setHeaderCacheCaseSensitive(true);
        if (!config.trustedProxies().isEmpty()) http.addCustomizer(new TrustedProxies(config.trustedProxies()));

        connector = new Connector(server, new HttpConnectionFactory(http), config.lingerSeconds());
        // Jetty's startup log shows a connector by its name ("Started http@1b2c3d{HTTP/1.1, ...}{0.0.0.0:8080}"),
        // and without one by its class: here a Strand-internal subclass that means nothing to a reader.
        connector.setName("http");
        connector.setHost(config.host());
        connector.setPort(config.port());
        connector.setIdleTimeout(config.idleTimeout().toMillis());
        connector.setAcceptQueueSize(config.acceptQueueSize());
        connector.setAcceptedTcpNoDelay(config.tcpNoDelay());
        server.addConnector(connector);
        if (config.maxConnections() > 0) {
            server.addBean(new NetworkConnectionLimit(config.maxConnections(), connector));
        }

        ServerWebSocketContainer.ensure(server);
        server.setHandler(new GracefulHandler(handler));
        server.setErrorHandler(new ProtocolErrorHandler(errors));
        server.setStopTimeout(config.stopTimeout().toMillis());
    }

    /** The Jetty server, for extensions that plug into it (WebSocket). */
    public Server server() {
        return server;
    }

    public void start() throws Exception {
        server.start();
    }

    /** The bound port (the real one when the configured port was 0). */
    public int port() {
        return connector.getLocalPort();
    }

    /** Stops accepting, lets requests in flight finish within the stop timeout, then closes. */
    public void stop() throws Exception {
        server.stop();
    }

    public void join() throws InterruptedException {
        server.join();
    }

    /** A connector that also applies SO_LINGER, which Jetty 12 no longer exposes. */
    private static final class Connector extends ServerConnector {
        private final int lingerSeconds;

        Connector(Server server, HttpConnectionFactory factory, int lingerSeconds) {
            super(server, factory);
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
