package dev.strand.bench.peer.javalin;

import dev.strand.bench.peer.Greeting;
import dev.strand.bench.peer.Peer;
import io.javalin.Javalin;
import io.javalin.http.sse.SseClient;
import io.javalin.websocket.WsContext;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;

/**
 * Javalin 7 with virtual threads on, written the way its documentation shows: handlers on
 * {@code config.routes}, {@code ctx.json} through Javalin's Jackson mapper, WebSocket via
 * {@code ws.onMessage}, SSE clients kept alive and written to by the publishing request.
 */
public final class JavalinPeer {

    private JavalinPeer() {
    }

    /** Starts the server on {@code --port N}; Jetty's threads keep the process alive. */
    public static void main(String[] args) {
        var port = Peer.port(args);
        Set<WsContext> subscribers = ConcurrentHashMap.newKeySet();
        Set<SseClient> streams = ConcurrentHashMap.newKeySet();
        Javalin.create(config -> {
            config.concurrency.useVirtualThreads = true;
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.jetty.addConnector((server, http) -> {
                var connector = new ServerConnector(server, new HttpConnectionFactory(http));
                connector.setHost(Peer.HOST);
                connector.setPort(port);
                connector.setIdleTimeout(Peer.IDLE_TIMEOUT.toMillis());
                connector.setAcceptQueueSize(Peer.BACKLOG);
                return connector;
            });
            config.jetty.modifyWebSocketServletFactory(factory -> factory.setIdleTimeout(Peer.IDLE_TIMEOUT));

            config.routes.get("/plaintext", ctx -> ctx.contentType("text/plain").result(Peer.PLAINTEXT));
            config.routes.get("/json", ctx -> ctx.json(Greeting.HELLO));
            config.routes.ws("/ws/echo", ws -> ws.onMessage(ctx -> ctx.send(ctx.message())));
            config.routes.ws("/ws/broadcast", ws -> {
                ws.onConnect(subscribers::add);
                ws.onClose(subscribers::remove);
            });
            config.routes.ws("/ws/publish", ws -> ws.onMessage(ctx -> {
                var message = ctx.message();
                subscribers.forEach(subscriber -> subscriber.send(message));
            }));
            config.routes.sse("/sse/fanout", client -> {
                client.keepAlive();
                client.onClose(() -> streams.remove(client));
                streams.add(client);
            });
            config.routes.post("/sse/publish", ctx -> {
                var data = ctx.body();
                streams.forEach(client -> client.sendData(data));
                ctx.status(204);
            });
        }).start();
    }
}
