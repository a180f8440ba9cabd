package dev.strand.demo;

import static org.junit.jupiter.api.Assertions.fail;

import dev.strand.Strand;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One browser scenario of {@code e2e/} ({@code node e2e/run.mjs <scenario> <baseUrl> <dir>})
 * against a demo of its own on a random loopback port. The scenario may ask for the server to be
 * stopped and started again on the same port ({@code @strand-e2e stop} / {@code start} on its
 * output, answered on its input). Screenshots go to {@code target/e2e/}.
 */
final class BrowserScenario {
    /** Where the scenarios' screenshots go: {@code demo-app/target/e2e/}. */
    static final Path SCREENSHOTS = Path.of("target", "e2e").toAbsolutePath();
    /** Longer than the runner's own 90 s watchdog, so a hung browser is reported by the runner. */
    private static final Duration LIMIT = Duration.ofSeconds(120);

    private final String name;
    /** Whether the demo serves HTTPS, on the certificate {@code --tls} makes. */
    private final boolean tls;
    /** The scenario's last lines of output, for the failure message. */
    private final ArrayBlockingQueue<String> output = new ArrayBlockingQueue<>(2000);
    /** Replaced by the output's reader when the scenario asks for a restart. */
    private volatile Strand server;
    private int port;

    private BrowserScenario(String name, boolean tls) {
        this.name = name;
        this.tls = tls;
    }

    /** Runs the scenario; fails with everything it printed when it fails or takes longer than two minutes. */
    static void run(String name) throws IOException, InterruptedException {
        new BrowserScenario(name, false).run();
    }

    /** Runs the scenario against a demo started with {@code --tls}, at {@code https://localhost:port}. */
    static void runOverTls(String name) throws IOException, InterruptedException {
        new BrowserScenario(name, true).run();
    }

    private void run() throws IOException, InterruptedException {
        Files.createDirectories(SCREENSHOTS);
        server = start(0);
        port = server.port();
        var node = new ProcessBuilder("node", "e2e/run.mjs", name, (tls ? "https://localhost:" : "http://127.0.0.1:") + port, SCREENSHOTS.toString())
                .redirectErrorStream(true)
                .start();
        try {
            var reader = Thread.ofVirtual().name("e2e-" + name).start(() -> follow(node));
            if (!node.waitFor(LIMIT.toSeconds(), TimeUnit.SECONDS)) {
                node.destroyForcibly();
                fail("browser scenario '" + name + "' did not finish within " + LIMIT + ":\n" + output());
            }
            reader.join(Duration.ofSeconds(10));
            if (node.exitValue() != 0) fail("browser scenario '" + name + "' failed (exit " + node.exitValue() + "):\n" + output());
        } finally {
            node.destroyForcibly();
            if (server != null) server.stop();
        }
    }

    /** Collects the scenario's output and answers its requests to stop and start the server. */
    private void follow(Process node) {
        try (var lines = new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8));
             Writer answers = new OutputStreamWriter(node.getOutputStream(), StandardCharsets.UTF_8)) {
            for (String line; (line = lines.readLine()) != null; ) {
                append(line);
                switch (line) {
                    case "@strand-e2e stop" -> answer(answers, () -> {
                        server.stop();
                        server = null;
                    }, "stopped");
                    case "@strand-e2e start" -> answer(answers, () -> server = start(port), "started");
                    default -> { }
                }
            }
        } catch (IOException e) {
            append("(reading the scenario's output failed: " + e + ")");
        }
    }

    private void answer(Writer answers, Runnable action, String done) throws IOException {
        String reply;
        try {
            action.run();
            reply = done;
        } catch (RuntimeException e) {
            reply = "error: " + e;
        }
        append("(runner: " + reply + ")");
        answers.write(reply + "\n");
        answers.flush();
    }

    private Strand start(int port) {
        var app = DemoApp.app().host("127.0.0.1").port(port);
        return (tls ? app.args("--tls") : app).start();
    }

    private void append(String line) {
        while (!output.offer(line)) output.poll();
    }

    private String output() {
        return String.join("\n", output);
    }
}
