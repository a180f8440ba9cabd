package com.example.scale;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real {@code redis-server} on a free loopback port for one test class, without persistence.
 * A missing binary fails with the command that installs it: the test never skips.
 */
final class RedisProcess implements AutoCloseable {
    private static final Duration READY = Duration.ofSeconds(10);

    private final Process process;
    private final int port;

    private RedisProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static RedisProcess start() throws IOException, InterruptedException {
        var binary = List.of("/usr/bin/redis-server", "/usr/local/bin/redis-server").stream()
                .map(Path::of).filter(Files::isExecutable).findFirst()
                .orElseGet(() -> fail("this test needs a real redis-server: sudo apt-get install -y redis-server"));
        int port;
        try (var probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        var process = new ProcessBuilder(binary.toString(), "--port", String.valueOf(port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        var redis = new RedisProcess(process, port);
        long deadline = System.nanoTime() + READY.toNanos();
        while (!redis.answersPing()) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                redis.close();
                fail("redis-server did not answer PING on port " + port + " within " + READY);
            }
            Thread.sleep(20);
        }
        return redis;
    }

    String url() {
        return "redis://127.0.0.1:" + port;
    }

    private boolean answersPing() {
        try (var socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(500);
            socket.getOutputStream().write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            var answer = new byte[7];
            return socket.getInputStream().readNBytes(answer, 0, 7) == 7 && new String(answer, StandardCharsets.US_ASCII).equals("+PONG\r\n");
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(READY.toSeconds(), TimeUnit.SECONDS)) process.destroyForcibly();
    }
}
