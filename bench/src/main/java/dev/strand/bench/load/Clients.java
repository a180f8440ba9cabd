package dev.strand.bench.load;

import java.io.IOException;
import java.time.Duration;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.transport.HttpClientTransportOverHTTP;
import org.eclipse.jetty.util.thread.VirtualThreadPool;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.StatusCode;
import org.eclipse.jetty.websocket.client.WebSocketClient;

/**
 * The Jetty HTTP and WebSocket clients of one load run. They share one selector and Jetty's
 * {@link VirtualThreadPool}: every task, the selector's included, runs on a virtual thread, so a
 * hand-off between tasks is a continuation switch on the one carrier instead of waking an OS thread.
 * The load generator has a single core, like the server; on this machine an echo cost the client
 * about 20 µs of CPU this way against 33 to 40 µs with a {@code QueuedThreadPool} (node's server
 * spends about 20 µs on it), so the client keeps up with the servers it measures.
 *
 * <p>Jetty's client rather than the JDK's: its WebSocket callbacks run where the frame was parsed
 * (the JDK's hop through a scheduler per message), sends are asynchronous without the JDK's "one
 * outstanding send" rule, and a {@link SpreadConnector} binds each socket to a source address of
 * its own, which the JDK client only does per {@code HttpClient}.
 */
public record Clients(HttpClient http, WebSocketClient ws) implements AutoCloseable {

    private static final Duration IDLE_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(10);

    /**
     * Starts clients that may hold {@code maxConnections} connections to one server, spread over
     * {@code sources} source addresses.
     */
    public static Clients start(int maxConnections, int sources) throws Exception {
        var connector = new SpreadConnector(sources);
        connector.setSelectors(1);
        connector.setConnectTimeout(Duration.ofSeconds(10));
        connector.setIdleTimeout(IDLE_TIMEOUT);
        var threads = new VirtualThreadPool();
        threads.setName("load");
        connector.setExecutor(threads);

        var http = new HttpClient(new HttpClientTransportOverHTTP(connector));
        // SSE streams hold their connection for the whole run, so the pool must hold them all.
        http.setMaxConnectionsPerDestination(maxConnections + 16);
        http.setMaxRequestsQueuedPerDestination(maxConnections + 16);
        http.setIdleTimeout(IDLE_TIMEOUT.toMillis());
        http.setUserAgentField(null);
        http.start();

        var ws = new WebSocketClient(http);
        ws.setIdleTimeout(IDLE_TIMEOUT);
        ws.start();
        return new Clients(http, ws);
    }

    /**
     * Closes every WebSocket with a close handshake, waiting at most {@link #CLOSE_WAIT} for the
     * servers' replies, then stops the clients. Stopping abruptly would make some servers log an
     * error per connection, and logging 19,000 of them costs the next scenario's server time.
     */
    @Override
    public void close() throws IOException {
        ws.getOpenSessions().forEach(session -> session.close(StatusCode.NORMAL, "done", Callback.NOOP));
        try {
            var deadline = System.nanoTime() + CLOSE_WAIT.toNanos();
            while (!ws.getOpenSessions().isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // stop at once, without the handshakes
        }
        try {
            ws.stop();
            http.stop();
        } catch (Exception e) {
            throw new IOException("could not stop the load clients", e);
        }
    }
}
