package dev.strand.bench.peer.helidon;

import dev.strand.bench.peer.Peer;
import dev.strand.bench.peer.SseFanout;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.websocket.WsRouting;

/**
 * Helidon SE 4: its own server, a virtual thread per connection that loops over that connection's
 * requests and, after an upgrade, its WebSocket frames.
 */
public final class HelidonPeer {

    private HelidonPeer() {
    }

    /** Starts the server on {@code --port N}; its listener thread keeps the process alive. */
    public static void main(String[] args) {
        var routes = new HttpRoutes(new SseFanout());
        var broadcast = new Broadcast();
        WebServer.builder()
                .host(Peer.HOST)
                .port(Peer.port(args))
                .backlog(Peer.BACKLOG)
                .idleConnectionTimeout(Peer.IDLE_TIMEOUT)
                .routing(routes::register)
                .addRouting(WsRouting.builder()
                        .endpoint("/ws/echo", new EchoListener())
                        .endpoint("/ws/broadcast", broadcast.subscriber())
                        .endpoint("/ws/publish", broadcast.publisher()))
                .build()
                .start();
    }
}
