package dev.strand.tests;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strand.Context;
import dev.strand.Strand;
import dev.strand.annotation.Get;
import dev.strand.annotation.Sse;
import dev.strand.annotation.Ws;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The log an app writes when it starts, read as a user reads it: from a real JVM's standard error
 * with the INFO level a new app has, not from inside this test's JVM, whose loggers are set to WARN.
 */
class StartupLogTest {
    /** A bound for a start under load; --tls also runs keytool, a JVM of its own. */
    private static final long WAIT_SECONDS = 90;

    public static final class Routes {
        @Get("/hello")
        public String hello() {
            return "hi";
        }

        @Ws("/chat")
        public void chat(Context ctx) {
            ctx.receive();
        }

        @Sse("/ticks")
        public void ticks(Context ctx) {
        }

        @Sse(value = "/search", method = "POST")
        public void search(Context ctx) {
        }
    }

    /** The app the child JVM runs. */
    public static final class App {
        public static void main(String[] args) {
            Strand.builder().controllers(new Routes()).host("127.0.0.1").port(0).args(args).start();
        }
    }

    private static List<String> log;

    @BeforeAll
    static void startTheApp() throws Exception {
        log = startupLog();
    }

    @Test
    void theRouteTableMarksWebSocketAndSseRoutes() {
        assertLine("\\s+GET\\s+/hello\\s+Routes\\.hello");
        assertLine("\\s+WS\\s+/chat\\s+Routes\\.chat");
        assertLine("\\s+SSE\\s+/ticks\\s+Routes\\.ticks");
        assertLine("\\s+SSE POST\\s+/search\\s+Routes\\.search");
    }

    @Test
    void theConnectorHasAReadableName() {
        assertLine(".* - Started http@\\p{XDigit}+\\{HTTP/1\\.1, \\(http/1\\.1, h2c\\)\\}\\{127\\.0\\.0\\.1:\\d+\\}");
        assertFalse(log.stream().anyMatch(line -> line.contains("$")), "no internal class names:\n" + String.join("\n", log));
    }

    @Test
    void withTlsTheLogGivesTheHttpsUrlAndSaysTheCertificateIsSelfSigned() throws Exception {
        var tls = startupLog("--tls");
        assertLine(tls, ".* WARN dev\\.strand\\.Strand - TLS with a self-signed certificate made at start for localhost, 127\\.0\\.0\\.1 and ::1: for local use only;.*");
        assertLine(tls, ".* INFO dev\\.strand\\.Strand - Strand listening on https://127\\.0\\.0\\.1:\\d+/ \\(HTTP/2 and HTTP/1\\.1 over TLS; \\d+ routes, .*");
    }

    private static void assertLine(String regex) {
        assertLine(log, regex);
    }

    private static void assertLine(List<String> log, String regex) {
        var pattern = Pattern.compile(regex);
        assertTrue(log.stream().anyMatch(line -> pattern.matcher(line).matches()),
                "no line matching " + regex + " in:\n" + String.join("\n", log));
    }

    /** Starts {@link App} with {@code args} in a JVM of its own and returns what it logged until it listened. */
    private static List<String> startupLog(String... args) throws Exception {
        var java = ProcessHandle.current().info().command().orElse("java");
        var command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=info", App.class.getName()));
        command.addAll(List.of(args));
        var process = new ProcessBuilder(command).redirectErrorStream(true).start();
        var lines = new LinkedBlockingQueue<String>();
        Thread.ofVirtual().start(() -> {
            try (var reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                reader.lines().forEach(lines::add);
            } catch (Exception ignored) {
                // the process was stopped
            }
        });
        var seen = new ArrayList<String>();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
            while (seen.isEmpty() || !seen.getLast().contains("Strand listening on")) {
                var line = lines.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (line == null) throw new AssertionError("the app did not log 'Strand listening on' within " + WAIT_SECONDS + " s:\n" + String.join("\n", seen));
                seen.add(line);
            }
            return seen;
        } finally {
            process.destroy();
            if (!process.waitFor(WAIT_SECONDS, TimeUnit.SECONDS)) process.destroyForcibly();
        }
    }
}
