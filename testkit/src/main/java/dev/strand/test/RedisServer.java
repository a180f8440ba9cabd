package dev.strand.test;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
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
import redis.clients.jedis.args.ClientType;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.ClientKillParams;

/**
 * A real {@code redis-server} on a free loopback port, without persistence, for one test: started
 * and answering PING when {@link #start()} returns, stopped by {@link #close()}. Tests can crash it
 * ({@link #kill()}), bring it back on the same port ({@link #restart()}), or freeze it.
 *
 * <p>A missing binary fails the test with the command that installs it; nothing is skipped.
 */
public final class RedisServer implements AutoCloseable {
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(10);
    private static final List<String> USUAL_PLACES = List.of("/usr/bin/redis-server", "/usr/local/bin/redis-server");

    private final Path binary;
    private final Path dir;
    private final int port;
    private Process process;

    private RedisServer(Path binary, Path dir, int port) {
        this.binary = binary;
        this.dir = dir;
        this.port = port;
    }

    /** Starts a server on a free port and waits (up to 10 s) until it answers PING. */
    public static RedisServer start() throws IOException, InterruptedException {
        var binary = findBinary();
        var dir = Files.createTempDirectory("strand-redis");
        // A port found free may be taken before the server binds it; try a few.
        for (int attempt = 1; ; attempt++) {
            var server = new RedisServer(binary, dir, freePort());
            try {
                server.launch();
                return server;
            } catch (AssertionError e) {
                server.kill();
                if (attempt == 3) throw e;
            }
        }
    }

    /** {@code redis://127.0.0.1:port}. */
    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** Kills the server at once (SIGKILL), as a crash would, and waits until it is gone. */
    public void kill() throws InterruptedException {
        if (process == null) return;
        process.destroyForcibly();
        if (!process.waitFor(READY_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) fail("redis-server on port " + port + " did not die within " + Deadline.text(READY_TIMEOUT));
        process = null;
    }

    /** Starts the server again on the same port and waits until it answers PING. */
    public void restart() throws InterruptedException {
        if (process != null) fail("redis-server on port " + port + " is still running");
        launch();
    }

    /**
     * Cuts every subscribed (pub/sub) client connection, as a network fault on those alone
     * would; the others stay connected.
     */
    public void dropSubscribers() {
        var config = DefaultJedisClientConfig.builder().timeoutMillis(2_000).autoNegotiateProtocol(false).build();
        try (var jedis = new Jedis(new HostAndPort("127.0.0.1", port), config)) {
            jedis.clientKill(new ClientKillParams().type(ClientType.PUBSUB));
        }
    }

    /** Stops the process (SIGSTOP) without closing its sockets: connections stay open but nothing answers. */
    public void freeze() throws IOException, InterruptedException {
        signal("-STOP");
    }

    /** Lets a frozen server go on (SIGCONT). */
    public void thaw() throws IOException, InterruptedException {
        signal("-CONT");
    }

    /** Kills the server and removes its directory. */
    @Override
    public void close() throws IOException {
        try {
            kill();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            try (var files = Files.list(dir)) {
                for (var f : files.toList()) Files.deleteIfExists(f);
            }
            Files.deleteIfExists(dir);
        }
    }

    private void launch() throws InterruptedException {
        var log = dir.resolve("redis-" + port + ".log");
        try {
            process = new ProcessBuilder(binary.toString(),
                    "--port", String.valueOf(port), "--bind", "127.0.0.1",
                    "--save", "", "--appendonly", "no", "--dir", dir.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + binary, e);
        }
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (true) {
            if (!process.isAlive()) fail("redis-server exited with " + process.exitValue() + " on port " + port + ":\n" + tail(log));
            if (answersPing()) return;
            if (System.nanoTime() - deadline > 0) fail("redis-server on port " + port + " did not answer PING within " + Deadline.text(READY_TIMEOUT) + ":\n" + tail(log));
            Thread.sleep(20);
        }
    }

    private boolean answersPing() {
        var config = DefaultJedisClientConfig.builder().timeoutMillis(500).autoNegotiateProtocol(false).build();
        try (var jedis = new Jedis(new HostAndPort("127.0.0.1", port), config)) {
            return "PONG".equals(jedis.ping());
        } catch (JedisException e) {
            return false;
        }
    }

    private void signal(String signal) throws IOException, InterruptedException {
        if (process == null) return;
        var kill = new ProcessBuilder("kill", signal, String.valueOf(process.pid())).inheritIO().start();
        if (!kill.waitFor(READY_TIMEOUT.toSeconds(), TimeUnit.SECONDS) || kill.exitValue() != 0) fail("kill " + signal + " " + process.pid() + " failed");
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
                redis-server is not installed, and the broadcast tests need a real one (they never skip).
                Install it with:  sudo apt-get install -y redis-server   (Debian/Ubuntu; .ci/run does this by itself)
                Looked on PATH and in %s.""".formatted(USUAL_PLACES));
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static String tail(Path log) {
        try {
            var lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
