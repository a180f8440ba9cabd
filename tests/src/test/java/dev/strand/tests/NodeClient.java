package dev.strand.tests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs one of the node client scripts in {@code tests/node} (node's {@code ws}, {@code eventsource})
 * against a server and returns the JSON line it printed. The build installs the pinned packages
 * ({@code tests/node/install}) before the tests run.
 */
public final class NodeClient {
    private static final Path DIR = Path.of("node").toAbsolutePath();

    private NodeClient() {
    }

    /** Runs {@code node <script> <args...>} for at most 60 seconds; fails with its output unless it printed {@code "ok":true}. */
    public static JsonNode run(String script, String... args) throws IOException, InterruptedException {
        if (!Files.isDirectory(DIR.resolve("node_modules"))) {
            throw new AssertionError("node clients are not installed; run tests/node/install (needs Node.js 18+ and npm)");
        }
        var command = new ArrayList<>(List.of("node", DIR.resolve(script).toString()));
        command.addAll(List.of(args));
        var process = new ProcessBuilder(command).directory(DIR.toFile()).redirectErrorStream(true).start();
        var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(script + " " + String.join(" ", args) + " did not finish in 60 s: " + output);
        }
        var lines = output.strip().lines().toList();
        var last = lines.isEmpty() ? "" : lines.getLast();
        JsonNode result;
        try {
            result = new ObjectMapper().readTree(last);
        } catch (IOException e) {
            throw new AssertionError(script + " printed no JSON result: " + output);
        }
        if (!result.path("ok").asBoolean()) throw new AssertionError(script + " " + String.join(" ", args) + " failed: " + output);
        return result;
    }
}
