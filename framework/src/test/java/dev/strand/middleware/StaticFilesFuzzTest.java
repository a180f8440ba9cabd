package dev.strand.middleware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.strand.Strand;
import dev.strand.fuzz.FuzzServer;
import dev.strand.fuzz.RawHttp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Static file path normalisation, through a real server serving a directory at {@code /} and a
 * classpath folder at {@code /cp/}. Whatever the request target (dot segments, encoded slashes
 * and dots, backslashes, NUL, drive letters, symlinks out of the root), a 200 carries one of the
 * files inside a root and never anything outside; every other answer is a redirect or a 4xx.
 */
class StaticFilesFuzzTest {
    private static final String SECRET = "SECRET-outside-the-root";
    private static final Set<String> SERVED = Set.of("INDEX", "A", "B", "SUB-INDEX", "C", "CP-INDEX", "CP-A");
    private static final Path BASE = tree();

    @RegisterExtension
    static final FuzzServer app = new FuzzServer(() -> Strand.builder().use(StaticFiles.directory(BASE.resolve("root")),
            StaticFiles.classpath("dev/strand/middleware/StaticFilesFuzzTestRoot").at("/cp")));

    /** root/ with files, a directory with and one without index.html, and symlinks out; secret.txt beside it. */
    private static Path tree() {
        try {
            var base = Files.createTempDirectory("strand-static-fuzz");
            var root = Files.createDirectories(base.resolve("root"));
            Files.writeString(base.resolve("secret.txt"), SECRET);
            Files.writeString(root.resolve("index.html"), "INDEX");
            Files.writeString(root.resolve("a.txt"), "A");
            Files.writeString(Files.createDirectories(root.resolve("sub")).resolve("b.txt"), "B");
            Files.writeString(root.resolve("sub/index.html"), "SUB-INDEX");
            Files.writeString(Files.createDirectories(root.resolve("plain")).resolve("c.txt"), "C");
            Files.createSymbolicLink(root.resolve("link.txt"), Path.of("../secret.txt"));
            Files.createSymbolicLink(root.resolve("up"), Path.of(".."));
            return base;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterAll
    static void deleteTree() throws IOException {
        try (Stream<Path> files = Files.walk(BASE)) {
            for (var p : files.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }

    /** The input is the request target after its leading {@code /}, less space, CR and LF. */
    @FuzzTest
    void servesOnlyFilesInsideTheRoot(byte[] input) {
        var response = app.http().get(RawHttp.target("/", input));
        var body = response.text();
        if (response.headers().getOrDefault("content-type", "").startsWith("text/javascript")) {
            assertTrue(new String(RawHttp.target("/", input), StandardCharsets.ISO_8859_1).startsWith("/strand.js"), "strand.js elsewhere");
            return; // Strand's client script, a route of every app
        }
        switch (response.status()) {
            case 200 -> assertTrue(SERVED.contains(body), () -> "served " + body); // never the secret: not in SERVED
            case 301 -> assertTrue(response.headers().getOrDefault("location", "").startsWith("/"), response.headers()::toString);
            default -> assertEquals(4, response.status() / 100, () -> response.status() + " " + body);
        }
    }
}
