package dev.strand.demo;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisException;

/**
 * A real {@code redis-server} on a free loopback port, without persistence: answering PING when
 * {@link #start()} returns, killed by {@link #close()}. A missing binary fails the test with the
 * command that installs it; nothing is skipped.
 */
final class RedisServer implements AutoCloseable {
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(10);
    private static final List<String> USUAL_PLACES = List.of("/usr/bin/redis-server", "/usr/local/bin/redis-server");

    private final Path dir;
    private final int port;
    private final Process process;

    private RedisServer(Path dir, int port, Process process) {
        this.dir = dir;
        this.port = port;
        this.process = process;
    }

    /** Starts a server on a free port and waits (up to 10 s) until it answers PING. */
    static RedisServer start() throws IOException, InterruptedException {
        var binary = findBinary();
        var dir = Files.createTempDirectory("strand-demo-redis");
        // A port found free may be taken before the server binds it; try a few.
        for (int attempt = 1; ; attempt++) {
            int port = freePort();
            var log = dir.resolve("redis-" + port + ".log");
            var process = new ProcessBuilder(binary.toString(), "--port", String.valueOf(port), "--bind", "127.0.0.1",
                    "--save", "", "--appendonly", "no", "--dir", dir.toString())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            var server = new RedisServer(dir, port, process);
            if (server.awaitPing()) return server;
            process.destroyForcibly().waitFor(READY_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            if (attempt == 3) {
                server.close();
                fail("redis-server did not answer PING on port " + port + " within " + READY_TIMEOUT + ":\n" + Files.readString(log));
            }
        }
    }

    /** {@code redis://127.0.0.1:port}. */
    String url() {
        return "redis://127.0.0.1:" + port;
    }

    /** Kills the server and removes its directory. */
    @Override
    public void close() throws IOException {
        try {
            process.destroyForcibly().waitFor(READY_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            try (var files = Files.list(dir)) {
                for (var f : files.toList()) Files.deleteIfExists(f);
            }
            Files.deleteIfExists(dir);
        }
    }

    /** Polls until the server answers PING, it exits, or the timeout passes. */
    private boolean awaitPing() throws InterruptedException {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        var config = DefaultJedisClientConfig.builder().timeoutMillis(500).autoNegotiateProtocol(false).build();
        while (process.isAlive() && System.nanoTime() - deadline < 0) {
            try (var jedis = new Jedis(new HostAndPort("127.0.0.1", port), config)) {
                if ("PONG".equals(jedis.ping())) return true;
            } catch (JedisException e) {
                Thread.sleep(20);
            }
        }
        return false;
    }

    private static Path findBinary() {
        var places = new ArrayList<String>();
        for (var dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!dir.isEmpty()) places.add(dir + "/redis-server");
        }
        places.addAll(USUAL_PLACES);
        for (var place : places) {
            var path = Path.of(place);
            if (Files.isExecutable(path)) return path;
        }
        return fail("""
                redis-server is not installed, and the demo's cross-instance chat test needs a real one (it never skips).
                Install it with:  sudo apt-get install -y redis-server   (Debian/Ubuntu; bin/test does this by itself)
                Looked on PATH and in %s.""".formatted(USUAL_PLACES));
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
