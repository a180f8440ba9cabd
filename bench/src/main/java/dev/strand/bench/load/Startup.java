package dev.strand.bench.load;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * {@code startup}: launches the server command, polls {@code GET /plaintext} every millisecond
 * until it answers 200, stops the server, and repeats. Reports the median, best and worst time
 * from launch to first answer.
 */
final class Startup {

    private static final Duration LIMIT = Duration.ofSeconds(60);
    private static final byte[] REQUEST = "GET /plaintext HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
            .getBytes(StandardCharsets.US_ASCII);

    private Startup() {
    }

    static Measurement run(LoadOptions options) throws Exception {
        if (options.command().isEmpty()) {
            throw new IllegalArgumentException("startup needs the server command after --");
        }
        var result = Measurement.of(options, "launches", options.launches());
        var millis = new double[options.launches()];
        for (int i = 0; i < millis.length; i++) {
            millis[i] = launchOnce(options);
        }
        Arrays.sort(millis);
        result.metrics().put("startup_ms", round(millis[millis.length / 2]));
        result.metrics().put("startup_min_ms", round(millis[0]));
        result.metrics().put("startup_max_ms", round(millis[millis.length - 1]));
        return result;
    }

    /** One launch; returns milliseconds from start to the first 200. */
    private static double launchOnce(LoadOptions options) throws Exception {
        var started = System.nanoTime();
        var server = new ProcessBuilder(options.command()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        // Stops the server even if this client is killed mid-run.
        var stopper = new Thread(server::destroyForcibly);
        Runtime.getRuntime().addShutdownHook(stopper);
        try {
            var limit = started + LIMIT.toNanos();
            while (!answers(options.port())) {
                if (!server.isAlive()) {
                    throw new IOException("server exited with " + server.exitValue() + " before answering: " + options.command());
                }
                if (System.nanoTime() > limit) {
                    throw new IOException("server did not answer within " + LIMIT.toSeconds() + " s: " + options.command());
                }
                Thread.sleep(1);
            }
            return (System.nanoTime() - started) / 1e6;
        } finally {
            server.destroy();
            if (!server.waitFor(10, TimeUnit.SECONDS)) {
                server.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            Runtime.getRuntime().removeShutdownHook(stopper);
        }
    }

    /** Whether {@code GET /plaintext} answers 200 now; a refused connection is a plain no. */
    private static boolean answers(int port) {
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 100);
            socket.setSoTimeout(1000);
            OutputStream out = socket.getOutputStream();
            out.write(REQUEST);
            out.flush();
            InputStream in = socket.getInputStream();
            var status = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
            return status.startsWith("HTTP/1.1 200");
        } catch (IOException notYet) {
            return false;
        }
    }

    private static double round(double millis) {
        return Math.round(millis * 10) / 10.0;
    }
}
