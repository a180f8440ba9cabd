package dev.strand.bench.reliability;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A {@link ReliabilityServer} process the scenario started, on a free port, with its output in a
 * log file. The diagnostics go through a client of their own (the JDK's), apart from the load.
 */
final class ServerProcess implements AutoCloseable {

    private static final Duration START_LIMIT = Duration.ofSeconds(60);
    private static final HttpClient DIAG = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    final Process process;
    final int port;

    private ServerProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /**
     * Starts {@code command} plus {@code --port N} and {@code extra}, and waits until it answers
     * {@code GET /plaintext}.
     */
    static ServerProcess start(List<String> command, Path log, String... extra) throws IOException, InterruptedException {
        var port = freePort();
        var full = new ArrayList<>(command);
        full.addAll(List.of("--port", Integer.toString(port)));
        full.addAll(List.of(extra));
        var process = new ProcessBuilder(full).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly)); // if this driver dies first
        var server = new ServerProcess(process, port);
        var limit = System.nanoTime() + START_LIMIT.toNanos();
        while (true) {
            try {
                if (DIAG.send(server.request("/plaintext"), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return server;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            if (!process.isAlive() || System.nanoTime() > limit) {
                process.destroyForcibly();
                throw new IOException("the server did not start; see " + log);
            }
            Thread.sleep(50);
        }
    }

    /** A port nobody listens on now. */
    static int freePort() throws IOException {
        try (var socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress("127.0.0.1", 0));
            return socket.getLocalPort();
        }
    }

    URI uri(String scheme, String path) {
        return URI.create(scheme + "://127.0.0.1:" + port + path);
    }

    private HttpRequest request(String path) {
        return HttpRequest.newBuilder(uri("http", path)).timeout(Duration.ofSeconds(60)).build();
    }

    /** The server's diagnostics now; with {@code gc}, the heap right after a full GC. */
    Diagnostics diag(boolean gc) throws IOException, InterruptedException {
        var response = DIAG.send(request(gc ? "/diag?gc=true" : "/diag"), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("GET /diag answered " + response.statusCode() + ": " + response.body());
        }
        return Outcome.JSON.readValue(response.body(), Diagnostics.class);
    }

    /** How many WebSockets the server closed with {@code code} so far. */
    long closedWith(int code) throws IOException, InterruptedException {
        var response = DIAG.send(request("/diag/closes"), HttpResponse.BodyHandlers.ofString());
        var closes = Outcome.JSON.readTree(response.body());
        return closes.path(Integer.toString(code)).asLong(0);
    }

    /**
     * Polls {@code /diag/open} every 20 ms until {@code slowInFlight} requests are in flight and
     * {@code sseOpened} streams were opened, or {@code limit} passes; returns the last answer,
     * {@code [slow requests in flight, SSE streams opened]}.
     */
    long[] awaitOpen(long slowInFlight, long sseOpened, Duration limit) throws IOException, InterruptedException {
        var deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            var open = Outcome.JSON.readValue(DIAG.send(request("/diag/open"), HttpResponse.BodyHandlers.ofString()).body(), long[].class);
            if ((open[0] >= slowInFlight && open[1] >= sseOpened) || System.nanoTime() > deadline) return open;
            Thread.sleep(20);
        }
    }

    /** Per second since the epoch: {@code [messages published, local deliveries]}, from {@code /diag/published}. */
    Map<Long, long[]> published() throws IOException, InterruptedException {
        var response = DIAG.send(request("/diag/published"), HttpResponse.BodyHandlers.ofString());
        return Outcome.JSON.readValue(response.body(), new TypeReference<TreeMap<Long, long[]>>() { });
    }

    /**
     * Polls the diagnostics every 200 ms until {@code settled} holds or {@code limit} passes, and
     * returns the last.
     */
    Diagnostics await(Predicate<Diagnostics> settled, Duration limit) throws IOException, InterruptedException {
        var deadline = System.nanoTime() + limit.toNanos();
        var diag = diag(false);
        while (!settled.test(diag) && System.nanoTime() < deadline) {
            Thread.sleep(200);
            diag = diag(false);
        }
        return diag;
    }

    /** Stops the server with SIGTERM, and SIGKILL if it has not exited 15 s later. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(15, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
