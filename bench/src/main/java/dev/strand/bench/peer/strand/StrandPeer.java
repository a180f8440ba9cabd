package dev.strand.bench.peer.strand;

import dev.strand.Strand;
import dev.strand.bench.peer.Peer;
import dev.strand.broadcast.Hub;
import dev.strand.config.Operations;
import java.time.Duration;

/**
 * The framework under test, written as a Strand user would: annotated handlers, broadcast through
 * the {@link Hub}. Settings differ from Strand's defaults only where the comparison needs the
 * peers' values: idle timeout and backlog, no connection limit (the idle scenario opens more than
 * the default 10,000), and no server pings (no other peer sends them).
 *
 * <p>{@code STRAND_METRICS=on} in the environment turns metrics on (recorded into a Prometheus
 * registry, the hub included, served at {@code /metrics}), to measure what recording costs:
 * {@code STRAND_METRICS=on bench/run --servers strand --name metrics-on}.
 */
public final class StrandPeer {
    private StrandPeer() {
    }

    public static void main(String[] args) throws InterruptedException {
        var hub = Hub.builder().capacity(1024).build();
        boolean metrics = "on".equals(System.getenv("STRAND_METRICS"));
        var server = Strand.builder()
                .controllers(new Endpoints(hub))
                .hub("bench", hub)
                .host(Peer.HOST)
                .port(Peer.port(args))
                .configure(c -> c.idleTimeout(Peer.IDLE_TIMEOUT)
                        .acceptQueueSize(Peer.BACKLOG)
                        .maxConnections(0)
                        .sseHeartbeat(Peer.SSE_HEARTBEAT)
                        .ws(w -> w.withIdleTimeout(Peer.IDLE_TIMEOUT).withPingInterval(Duration.ZERO))
                        .operations(metrics ? Operations.OFF.withMetrics(true) : Operations.OFF))
                .start();
        server.join();
    }
}
