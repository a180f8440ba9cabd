package dev.strand.archetype;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.strand.test.TestClient;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Does what "Getting started" tells a newcomer to do after installing Strand, in
 * {@code target/newcomer}: the page's {@code archetype:generate} command, then the generated
 * README's two commands ({@code ./mvnw test}; {@code ./mvnw compile exec:java}, asked over HTTP,
 * WebSocket and SSE) and its runnable jar.
 *
 * <p>Every Maven run gets {@code MAVEN_ARGS} with a local repository of this test's own, into which
 * invoker:install put the artifacts this build just made, and the build's own repository behind it
 * as a read-only tail for Jetty, JUnit and the plugins. So a Strand from an earlier install in
 * ~/.m2 can never be what passes, and nothing is installed there.
 */
class GeneratedProjectIT {
    private static final Path ROOT = Path.of(System.getProperty("strand.root")).toAbsolutePath().normalize();
    private static final Path PAGE = ROOT.resolve("docs/pages/getting-started.md");
    private static final String VERSION = System.getProperty("strand.version");
    private static final Path WORKSPACE = ROOT.resolve("archetype/target/newcomer");
    private static final String RUN = "./mvnw compile exec:java";
    private static final String TEST = "./mvnw test";
    private static final String PACKAGE = "./mvnw package";
    private static final Pattern LISTENING = Pattern.compile("Strand listening on (http://\\S+/)");
    /** A cold Maven resolving plugins and compiling on a busy 2-core machine: generous, but bounded. */
    private static final long MAVEN_MINUTES = 5;

    private static Path project;

    @BeforeAll
    static void generateAsThePageSays() throws Exception {
        deleteRecursively(WORKSPACE);
        Files.createDirectories(WORKSPACE);
        var generate = commandsOf(PAGE).stream().filter(c -> c.contains("archetype:generate")).findFirst()
                .orElseThrow(() -> new AssertionError(PAGE + " has no archetype:generate command in a bash block"));
        assertTrue(generate.contains("-DarchetypeVersion=" + VERSION),
                "the page must generate with this build's version " + VERSION + ": " + generate);
        var artifactId = Pattern.compile("-DartifactId=(\\S+)").matcher(generate).results().findFirst()
                .orElseThrow(() -> new AssertionError("no -DartifactId in " + generate)).group(1);

        // The page runs it from the folder that holds the clone, named strand. The link goes again
        // right after, so that nothing walking target/ later wanders into the whole repository.
        var clone = Files.createSymbolicLink(WORKSPACE.resolve("strand"), ROOT);
        try {
            run(WORKSPACE, generate, "generate");
        } finally {
            Files.delete(clone);
        }
        project = WORKSPACE.resolve(artifactId);
        assertTrue(Files.isRegularFile(project.resolve("pom.xml")), "no pom.xml in " + project);
    }

    @Test
    void theReadmeAndThePageGiveTheSameTwoCommands() {
        var readme = commandsOf(project.resolve("README.md"));
        var page = commandsOf(PAGE);
        for (var command : List.of(RUN, TEST)) {
            assertTrue(readme.contains(command), "the generated README should say " + command + "; it says " + readme);
            assertTrue(page.contains(command), "Getting started should say " + command + "; it says " + page);
        }
    }

    @Test
    void testCommandRunsTheGeneratedTests() throws Exception {
        var log = run(project, TEST, "test");
        var summary = Pattern.compile("Tests run: (\\d+), Failures: 0, Errors: 0, Skipped: 0\\s*$", Pattern.MULTILINE)
                .matcher(log).results().reduce((first, last) -> last)
                .orElseThrow(() -> new AssertionError("no passing test summary in:\n" + tail(log)));
        assertTrue(Integer.parseInt(summary.group(1)) >= 4, "expected the generated app's 4 tests to run:\n" + tail(log));
    }

    @Test
    void runCommandServesThePageAndAllThreeChannels() throws Exception {
        try (var app = App.start(project, RUN, "run")) {
            var client = new TestClient(app.uri());
            var page = client.get("/");
            assertEquals(200, page.status());
            assertTrue(page.body().contains("<script src=\"/strand.js\"></script>"), page.body());
            assertEquals(200, client.get("/strand.js").status());

            assertEquals("Hello, ada", client.get("/hello/ada").body());
            try (var ws = client.ws("/echo")) {
                ws.send("hi");
                assertEquals("hi", ws.receiveText());
            }
            try (var clock = client.sse("/clock")) {
                assertEquals("1", clock.next().id());
            }
        }
    }

    @Test
    void packageMakesAJarThatRunsTheApp() throws Exception {
        run(project, PACKAGE, "package");
        var jar = "target/" + project.getFileName() + ".jar";
        assertTrue(Files.isRegularFile(project.resolve(jar)), "no " + jar);
        // The README's line for a machine whose `java` is older than 21, as here.
        try (var app = App.start(project, "\"$(bin/find-jdk)/bin/java\" -jar " + jar, "jar")) {
            assertEquals("Hello, jar", new TestClient(app.uri()).get("/hello/jar").body());
        }
    }

    /** The commands in a Markdown file's bash blocks, comments removed and continued lines joined. */
    static List<String> commandsOf(Path markdown) {
        var commands = new ArrayList<String>();
        var inBash = false;
        var pending = new StringBuilder();
        for (var line : read(markdown).lines().toList()) {
            var stripped = line.strip();
            if (stripped.startsWith("```")) {
                inBash = !inBash && stripped.substring(3).strip().startsWith("bash");
                continue;
            }
            if (!inBash) continue;
            var command = stripped.replaceFirst("\\s+#.*$", "");
            if (command.startsWith("#") || command.isEmpty()) continue;
            if (command.endsWith("\\")) {
                pending.append(command, 0, command.length() - 1).append(' ');
                continue;
            }
            commands.add((pending + command).replaceAll("\\s+", " "));
            pending.setLength(0);
        }
        return commands;
    }

    /** Runs a command to its end with bash in {@code dir}; fails with the end of its output unless it exits 0. */
    private static String run(Path dir, String command, String name) throws Exception {
        var log = WORKSPACE.resolve(name + ".log");
        var process = shell(dir, command, Map.of()).redirectOutput(log.toFile()).start();
        if (!process.waitFor(MAVEN_MINUTES, TimeUnit.MINUTES)) {
            stop(process);
            fail("`" + command + "` did not finish within " + MAVEN_MINUTES + " minutes:\n" + tail(read(log)));
        }
        var output = read(log);
        assertEquals(0, process.exitValue(), "`" + command + "` in " + dir + " failed:\n" + tail(output));
        return output;
    }

    private static ProcessBuilder shell(Path dir, String command, Map<String, String> env) {
        var builder = new ProcessBuilder("bash", "-c", command).directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().put("MAVEN_ARGS", "-B -ntp"
                + " -Dmaven.repo.local=" + System.getProperty("it.repository")
                + " -Dmaven.repo.local.tail=" + System.getProperty("outer.repository"));
        builder.environment().putAll(env);
        return builder;
    }

    /** An app started by a command that runs until stopped, on a free port (PORT=0); stopped like Ctrl+C. */
    private record App(Process process, URI uri) implements AutoCloseable {
        static App start(Path dir, String command, String name) throws Exception {
            var log = WORKSPACE.resolve(name + ".log");
            var process = shell(dir, command, Map.of("PORT", "0")).start();
            var listening = new CompletableFuture<URI>();
            Thread.ofVirtual().start(() -> copyWatching(process, log, listening));
            try {
                return new App(process, listening.get(MAVEN_MINUTES, TimeUnit.MINUTES));
            } catch (TimeoutException | ExecutionException e) {
                stop(process);
                throw new AssertionError("`" + command + "` did not say where it listens:\n" + tail(read(log)), e);
            }
        }

        @Override
        public void close() {
            stop(process);
        }
    }

    /** Copies the process's output to the log, completing {@code listening} when Strand logs its URL. */
    private static void copyWatching(Process process, Path log, CompletableFuture<URI> listening) {
        try (var out = new PrintWriter(Files.newBufferedWriter(log), true);
             var in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                out.println(line);
                var url = LISTENING.matcher(line);
                if (url.find()) listening.complete(URI.create(url.group(1)));
            }
            listening.completeExceptionally(new IllegalStateException("the output ended"));
        } catch (IOException e) {
            listening.completeExceptionally(e);
        }
    }

    /** SIGTERM, as Ctrl+C would (bash, the wrapper and mvn exec into the JVM); forcibly if it does not end. */
    private static void stop(Process process) {
        var tree = Stream.concat(Stream.of(process.toHandle()), process.descendants()).toList();
        tree.forEach(ProcessHandle::destroy);
        try {
            if (process.waitFor(30, TimeUnit.SECONDS)) return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        tree.forEach(ProcessHandle::destroyForcibly);
    }

    private static String tail(String output) {
        var lines = output.lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (var paths = Files.walk(dir)) {
            for (var path : paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.delete(path);
            }
        }
    }
}
