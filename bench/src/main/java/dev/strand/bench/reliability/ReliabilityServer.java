package dev.strand.bench.reliability;

import dev.strand.Strand;
import dev.strand.bench.peer.Peer;
import dev.strand.broadcast.Hub;
import java.time.Duration;

/**
 * The server the reliability scenarios run against: Strand with the {@link Routes} they need and a
 * {@code GET /diag} that reports what a leak would leave behind. Settings are Strand's defaults
 * except where a scenario needs otherwise, each stated in {@code bench/README.md}.
 *
 * <pre>ReliabilityServer --port N [--redis redis://host:port --instance NAME]</pre>
 */
public final class ReliabilityServer {

    /** A WebSocket's outbound buffer: small, so that a reader that stops reading overflows it within seconds. */
    static final long OUTBOUND_BUFFER = 64 * 1024;

    /** A short heartbeat, so that a vanished SSE client is noticed within a second or two. */
    static final Duration SSE_HEARTBEAT = Duration.ofSeconds(1);

    /** Strand's default, named because the graceful-stop scenario's bound is this figure. */
    static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);

    private ReliabilityServer() {
    }

    public static void main(String[] args) throws InterruptedException {
        var hubOptions = Hub.builder().capacity(1024);
        var redis = option(args, "--redis");
        if (redis != null) {
            // A 1 s heartbeat notices a killed Redis within 3 s rather than 15 s.
            hubOptions.redis(redis).instanceId(option(args, "--instance")).heartbeat(Duration.ofSeconds(1));
        }
        var hub = hubOptions.build();
        var server = Strand.builder()
                .controllers(new Routes(hub, new Counters()))
                .host(Peer.HOST)
                .port(Peer.port(args))
                .configure(c -> c.idleTimeout(Peer.IDLE_TIMEOUT)
                        .acceptQueueSize(Peer.BACKLOG)
                        .maxConnections(0)
                        .stopTimeout(STOP_TIMEOUT)
                        .sseHeartbeat(SSE_HEARTBEAT)
                        .ws(w -> w.withIdleTimeout(Peer.IDLE_TIMEOUT).withPingInterval(Duration.ZERO)
                                .withOutboundBufferSize(OUTBOUND_BUFFER)))
                .start();
        server.join();
    }

    private static String option(String[] args, String name) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return null;
    }
}
