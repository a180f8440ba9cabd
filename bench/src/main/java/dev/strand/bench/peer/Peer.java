package dev.strand.bench.peer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * What every peer server shares: the command line, the loopback address it listens on, and the
 * settings that must be equal across servers for the numbers to be comparable.
 */
public final class Peer {

    /** Peers listen on loopback only; the load client reaches them from 127.0.N.M source addresses. */
    public static final String HOST = "127.0.0.1";

    /**
     * Idle timeout for HTTP, WebSocket and SSE connections on every server. Helidon's default; the
     * others are raised to it so that {@code ws-idle} and {@code sse-fanout} measure memory, not
     * timeouts (Jetty's own default of 30 s would cut idle connections mid-scenario).
     */
    public static final Duration IDLE_TIMEOUT = Duration.ofMinutes(5);

    /** Accept backlog, Helidon's default, so that a burst of connects is not retried after 1 s on one server only. */
    public static final int BACKLOG = 1024;

    /** How long an SSE stream waits for an event before it writes a heartbeat comment. */
    public static final Duration SSE_HEARTBEAT = Duration.ofSeconds(15);

    /** The {@code GET /plaintext} body, encoded once. */
    public static final byte[] PLAINTEXT = "Hello, World!".getBytes(StandardCharsets.UTF_8);

    private Peer() {
    }

    /**
     * Reads {@code --port N}, the one option the harness passes to every server.
     *
     * @throws IllegalArgumentException when the option is missing or not a number
     */
    public static int port(String[] args) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals("--port")) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        throw new IllegalArgumentException("usage: <peer server> --port N");
    }
}
