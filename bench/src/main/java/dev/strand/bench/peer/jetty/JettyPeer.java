package dev.strand.bench.peer.jetty;

import dev.strand.bench.peer.Peer;
import dev.strand.bench.peer.SseFanout;
import java.util.concurrent.Executors;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;

/**
 * The baseline: Jetty 12 with no framework. A core {@code Handler.Abstract} for HTTP and SSE,
 * Jetty's own WebSocket API for WebSocket, and a {@link QueuedThreadPool} whose blocking tasks run
 * on virtual threads, the setup Strand starts from. Whatever Strand costs on top shows up as the
 * gap to this server.
 */
public final class JettyPeer {

    private JettyPeer() {
    }

    /** Starts the server on {@code --port N} and blocks until the process is stopped. */
    public static void main(String[] args) throws Exception {
        var threads = new QueuedThreadPool();
        threads.setName("jetty");
        threads.setVirtualThreadsExecutor(Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("jetty-vt-", 0).factory()));
        var server = new Server(threads);

        var connector = new ServerConnector(server);
        connector.setHost(Peer.HOST);
        connector.setPort(Peer.port(args));
        connector.setIdleTimeout(Peer.IDLE_TIMEOUT.toMillis());
        connector.setAcceptQueueSize(Peer.BACKLOG);
        server.addConnector(connector);

        var broadcast = new Broadcast();
        var webSockets = WebSocketUpgradeHandler.from(server, container -> {
            container.setIdleTimeout(Peer.IDLE_TIMEOUT);
            container.addMapping("/ws/echo", (request, response, callback) -> new EchoEndpoint());
            container.addMapping("/ws/broadcast", (request, response, callback) -> broadcast.subscriber());
            container.addMapping("/ws/publish", (request, response, callback) -> broadcast.publisher());
        });
        webSockets.setHandler(new HttpRoutes(new SseFanout()));
        server.setHandler(webSockets);
        server.start();
        server.join();
    }
}
