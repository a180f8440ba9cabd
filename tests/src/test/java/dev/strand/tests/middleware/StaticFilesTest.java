package dev.strand.tests.middleware;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strand.Strand;
import dev.strand.annotation.Get;
import dev.strand.middleware.StaticFiles;
import dev.strand.test.StrandTest;
import dev.strand.test.TestClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StaticFilesTest {
    @TempDir
    static Path tmp;
    static Path root;
    static byte[] big;
    static StrandTest.TestApp app;

    public static final class Api {
        @Get("/app.css")
        public String route() {
            return "routes win over files";
        }
    }

    @BeforeAll
    static void start() throws Exception {
        root = Files.createDirectories(tmp.resolve("root"));
        Files.writeString(tmp.resolve("outside.txt"), "OUTSIDE");
        Files.writeString(root.resolve("hello.txt"), "hello from disk");
        Files.createDirectories(root.resolve("sub"));
        Files.writeString(root.resolve("sub/index.html"), "<p>sub</p>");
        Files.createSymbolicLink(root.resolve("escape.txt"), tmp.resolve("outside.txt"));
        Files.createSymbolicLink(root.resolve("escape-dir"), tmp);
        big = new byte[300_000];
        new Random(7).nextBytes(big);
        Files.write(root.resolve("big.bin"), big);
        app = StrandTest.start(Strand.builder()
                .controllers(new Api())
                .use(StaticFiles.classpath("web"), StaticFiles.directory(root).at("/files").cacheControl("max-age=60")));
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    TestClient client() {
        return app.client();
    }

    @Test
    void servesClasspathFilesWithContentTypes() {
        var index = client().get("/");
        assertEquals(200, index.status());
        assertEquals("text/html; charset=utf-8", index.header("Content-Type"));
        assertEquals("<h1>home</h1>\n", index.body());
        var js = client().get("/docs/app.js");
        assertEquals("text/javascript; charset=utf-8", js.header("Content-Type"));
        assertEquals("no-cache", js.header("Cache-Control"));
    }

    @Test
    void routesWinOverFiles() {
        assertEquals("routes win over files", client().get("/app.css").body());
    }

    @Test
    void directoriesServeIndexAndRedirectWithoutSlash() {
        assertEquals("<h1>docs</h1>\n", client().get("/docs/").body());
        var redirect = client().get("/docs");
        assertEquals(301, redirect.status());
        assertEquals("/docs/", redirect.header("Location"));
        assertEquals("<p>sub</p>", client().get("/files/sub/").body());
        assertEquals("/files/sub/", client().get("/files/sub").header("Location"));
    }

    @Test
    void etagAndLastModifiedGive304() {
        var first = client().get("/files/hello.txt");
        assertEquals("hello from disk", first.body());
        assertEquals("max-age=60", first.header("Cache-Control"));
        var etag = first.header("ETag");
        assertNotNull(etag);
        assertEquals(304, client().get("/files/hello.txt", "If-None-Match", etag).status());
        assertEquals(200, client().get("/files/hello.txt", "If-None-Match", "\"other\"").status());
        assertEquals(304, client().get("/files/hello.txt", "If-Modified-Since", first.header("Last-Modified")).status());
        assertEquals(304, client().get("/docs/app.js", "If-None-Match", client().get("/docs/app.js").header("ETag")).status());
    }

    @Test
    void largeFilesStreamWhole() {
        var r = client().get("/files/big.bin");
        assertEquals("application/octet-stream", r.header("Content-Type"));
        assertEquals(String.valueOf(big.length), r.header("Content-Length"));
        assertArrayEquals(big, r.bytes());
        var head = client().request("HEAD", "/files/big.bin", null);
        assertEquals(200, head.status());
        assertEquals(0, head.bytes().length);
    }

    @Test
    void missingFilesAre404() {
        assertEquals(404, client().get("/files/nope.txt").status());
        assertEquals(404, client().get("/nope.css").status());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "/files/../outside.txt", "/files/%2e%2e/outside.txt", "/files/%2E%2E/outside.txt", "/files/..%2foutside.txt",
            "/files/sub/..%2f..%2foutside.txt", "/files/%2fetc%2fpasswd", "/files/..%5coutside.txt", "/files/%5c..%5coutside.txt",
            "/files//etc/passwd", "/files/escape.txt", "/files/escape-dir/outside.txt", "/../secret.txt", "/%2e%2e/secret.txt",
            "/docs/../../secret.txt", "/files/C:%5cwindows", "/files/%00", "/files/./hello.txt/..",
    })
    void nothingOutsideTheRootIsServed(String path) {
        var r = client().raw("GET " + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        var status = Integer.parseInt(r.substring(9, 12));
        assertTrue(status == 400 || status == 404, path + " answered " + r);
        assertFalse(r.contains("OUTSIDE") || r.contains("TOP SECRET") || r.contains("root:"), path + " leaked: " + r);
    }
}
