package dev.strand.tests.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strand.test.TestClient;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Micrometer is optional: an app whose class path lacks it starts, serves HTTP, WebSocket and
 * health, and is told clearly what to add when it turns metrics on. Runs {@link NoMicrometerApp}
 * in a JVM of its own, with this test's class path minus Micrometer and its dependencies.
 */
class MicrometerAbsentTest {
    /** Micrometer, its Prometheus client and the histogram libraries micrometer-core brings. */
    private static final String[] LEFT_OUT = {"/io/micrometer/", "/io/prometheus/", "/org/hdrhistogram/", "/org/latencyutils/"};

    @Test
    void anAppWithoutMicrometerServesAndSaysWhatToAddForMetrics() throws Exception {
        // Surefire runs tests from a manifest-only jar and keeps the real class path here.
        var classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        var entries = Arrays.asList(classPath.split(File.pathSeparator));
        assertTrue(entries.stream().anyMatch(e -> e.contains("micrometer-core")), "the test's own class path has Micrometer: " + classPath);
        var without = entries.stream().filter(e -> Arrays.stream(LEFT_OUT).noneMatch(e.replace('\\', '/')::contains))
                .collect(Collectors.joining(File.pathSeparator));
        assertTrue(!without.contains("micrometer"), without);

        var java = ProcessHandle.current().info().command().orElseThrow();
        var process = new ProcessBuilder(java, "-cp", without, NoMicrometerApp.class.getName())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try (var out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            var metricsOn = out.readLine();
            assertTrue(metricsOn != null && metricsOn.startsWith("metrics on: ") && metricsOn.contains("io.micrometer:micrometer-core is not on the class path"),
                    "turning metrics on names what to add: " + metricsOn);
            var portLine = out.readLine();
            assertTrue(portLine != null && portLine.startsWith("port "), "the app started: " + portLine);
            try (var client = new TestClient(URI.create("http://127.0.0.1:" + portLine.substring(5) + "/"))) {
                assertEquals("hello", client.get("/hello").body());
                try (var ws = client.ws("/echo")) {
                    ws.send("no metrics");
                    assertEquals("no metrics", ws.receiveText());
                }
                assertEquals(200, client.get("/health/ready").status());
                assertEquals(404, client.get("/metrics").status());
            }
            process.getOutputStream().close();
            assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the app stops when its input closes");
            assertEquals(0, process.exitValue());
        } finally {
            process.destroyForcibly();
        }
    }
}
