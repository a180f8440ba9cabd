package dev.strand.tests.forms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.strand.Context;
import dev.strand.Strand;
import dev.strand.Upload;
import dev.strand.annotation.FormParam;
import dev.strand.annotation.Post;
import dev.strand.config.FormConfig;
import dev.strand.test.StrandExtension;
import dev.strand.test.TestClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code multipart/form-data} over real sockets, from curl {@code -F} and hand-built bodies:
 * stored and streamed parts, moving a file away, and every bad body a client can send, each
 * answered 4xx with no temporary file left in the upload directory.
 */
class UploadTest {
    private static final Path UPLOADS = tempDirectory();
    private static final int THRESHOLD = 1024;
    private static final int MAX_FILE = 256 * 1024;

    public static final class Uploads {
        @Post("/stored")
        public Map<String, Object> stored(Context ctx, @FormParam String title) {
            var files = new ArrayList<Map<String, Object>>();
            for (var upload : ctx.uploads()) files.add(describe(upload, read(upload)));
            return Map.of("title", title, "files", files, "tempFiles", count(UPLOADS));
        }

        @Post("/keep")
        public String keep(Context ctx) throws IOException {
            var doc = ctx.upload("doc");
            var target = Files.createTempFile("kept", ".bin");
            doc.transferTo(target);
            return target.toString();
        }

        @Post("/streamed")
        public List<Map<String, Object>> streamed(Context ctx) {
            var parts = new ArrayList<Map<String, Object>>();
            for (Upload part : ctx.multipart()) {
                var sha = read(part);
                var described = new java.util.HashMap<>(describe(part, sha));
                described.put("tempFilesWhileReading", count(UPLOADS));
                parts.add(described);
            }
            return parts;
        }

        @Post("/skipping")
        public List<String> skipping(Context ctx) {
            var names = new ArrayList<String>();
            for (Upload part : ctx.multipart()) names.add(part.name());
            return names;
        }

        private static Map<String, Object> describe(Upload upload, String sha) {
            return Map.of("name", upload.name(), "fileName", String.valueOf(upload.fileName()),
                    "contentType", String.valueOf(upload.contentType()), "size", upload.size(), "sha256", sha);
        }
    }

    @RegisterExtension
    static final StrandExtension app = new StrandExtension(() -> Strand.builder().controllers(new Uploads())
            .configure(c -> c.forms(new FormConfig(5, MAX_FILE, 1024 * 1024, THRESHOLD, UPLOADS))));

    @TempDir
    Path local;

    @AfterEach
    void noTemporaryFileIsLeft() {
        assertEquals(0, count(UPLOADS), "files left in " + UPLOADS);
    }

    @AfterAll
    static void removeTheUploadDirectory() throws IOException {
        Files.deleteIfExists(UPLOADS);
    }

    @Test
    void storesFieldsAndFilesFromCurlInMemoryAndOnDisk(TestClient client) throws Exception {
        var small = write("small.txt", "hello".getBytes(StandardCharsets.UTF_8));
        var large = write("large.bin", bytes(100_000));
        var json = curl(client, "/stored", "-F", "title=Holiday", "-F", "notes=@" + small + ";type=text/plain",
                "-F", "photo=@" + large + ";type=image/png");
        assertEquals("Holiday", json.get("title").asText());
        var files = json.get("files");
        assertEquals(2, files.size());
        assertFile(files.get(0), "notes", "small.txt", "text/plain", 5, sha(Files.readAllBytes(small)));
        assertFile(files.get(1), "photo", "large.bin", "image/png", 100_000, sha(Files.readAllBytes(large)));
        assertEquals(1, json.get("tempFiles").asInt(), "the part over the threshold is on disk while the handler runs");
    }

    @Test
    void transferToMovesTheFileOutOfTheUploadDirectory(TestClient client) throws Exception {
        var content = bytes(50_000);
        var target = Path.of(client.request("POST", "/keep", new Multipart().file("doc", "d.bin", "application/pdf", content).end(),
                "Content-Type", Multipart.CONTENT_TYPE).body());
        try {
            assertEquals(sha(content), sha(Files.readAllBytes(target)));
        } finally {
            Files.deleteIfExists(target);
        }
    }

    @Test
    void streamsPartsWithoutTouchingDisk(TestClient client) throws Exception {
        var big = bytes(200_000);
        var body = new Multipart().field("title", "x").file("data", "big.bin", "application/octet-stream", big).end();
        var parts = client.request("POST", "/streamed", body, "Content-Type", Multipart.CONTENT_TYPE).json();
        assertEquals(2, parts.size());
        assertFile(parts.get(0), "title", "null", "null", 1, sha("x".getBytes(StandardCharsets.UTF_8)));
        assertFile(parts.get(1), "data", "big.bin", "application/octet-stream", big.length, sha(big));
        assertEquals(0, parts.get(1).get("tempFilesWhileReading").asInt());
    }

    @Test
    void aStreamedPartLeftUnreadIsSkipped(TestClient client) {
        var body = new Multipart().file("a", "a.bin", "application/octet-stream", bytes(40_000)).field("b", "2").end();
        assertEquals("[\"a\",\"b\"]", client.request("POST", "/skipping", body, "Content-Type", Multipart.CONTENT_TYPE).body());
    }

    @Test
    void aMissingBoundaryIs400(TestClient client) {
        var response = client.request("POST", "/stored", new Multipart().field("title", "x").end(), "Content-Type", "multipart/form-data");
        assertEquals(400, response.status());
        assertTrue(response.body().startsWith("multipart/form-data without a boundary parameter"), response.body());
    }

    @Test
    void aBodyWithoutItsClosingBoundaryIs400(TestClient client) {
        for (var path : List.of("/stored", "/streamed")) {
            var body = new Multipart().field("title", "x").file("f", "f.bin", "application/octet-stream", bytes(5000)).truncated();
            var response = client.request("POST", path, body, "Content-Type", Multipart.CONTENT_TYPE);
            assertEquals(400, response.status(), path);
            assertEquals("Multipart body ended before its closing boundary; the upload was cut short", response.body().strip(), path);
        }
    }

    @Test
    void aConnectionClosedMidBodyIs400(TestClient client) {
        var body = new String(new Multipart().file("f", "f.bin", "application/octet-stream", bytes(5000)).truncated(),
                StandardCharsets.ISO_8859_1);
        var response = client.raw("POST /stored HTTP/1.1\r\nHost: localhost\r\nContent-Type: " + Multipart.CONTENT_TYPE
                + "\r\nContent-Length: 100000\r\n\r\n" + body);
        assertTrue(response.startsWith("HTTP/1.1 400 "), response);
    }

    @Test
    void aPartOverTheFileLimitIs413(TestClient client) {
        for (var path : List.of("/stored", "/streamed")) {
            var body = new Multipart().file("f", "f.bin", "application/octet-stream", bytes(MAX_FILE + 1)).end();
            var response = client.request("POST", path, body, "Content-Type", Multipart.CONTENT_TYPE);
            assertEquals(413, response.status(), path);
            assertEquals("A multipart part is larger than the limit of " + MAX_FILE + " bytes per file", response.body().strip(), path);
        }
    }

    @Test
    void aBodyOverTheTotalLimitIs413(TestClient client) {
        var parts = new Multipart();
        for (int i = 0; i < 5; i++) parts.file("f" + i, "f.bin", "application/octet-stream", bytes(250_000));
        var response = client.request("POST", "/stored", parts.end(), "Content-Type", Multipart.CONTENT_TYPE);
        assertEquals(413, response.status());
        assertEquals("Multipart body is larger than the limit of 1048576 bytes", response.body().strip());
    }

    @Test
    void tooManyPartsIs413(TestClient client) {
        for (var path : List.of("/stored", "/skipping")) {
            var parts = new Multipart();
            for (int i = 0; i < 6; i++) parts.field("f" + i, "v");
            var response = client.request("POST", path, parts.end(), "Content-Type", Multipart.CONTENT_TYPE);
            assertEquals(413, response.status(), path);
            assertEquals("Multipart body has more than 5 parts, the limit", response.body().strip(), path);
        }
    }

    @Test
    void aFileNameWithAPathIs400(TestClient client) {
        for (var name : List.of("../x", "a\\\\b", "..", "/etc/passwd")) {
            for (var path : List.of("/stored", "/streamed")) {
                var body = new Multipart().file("f", name, "text/plain", bytes(THRESHOLD * 3)).end();
                var response = client.request("POST", path, body, "Content-Type", Multipart.CONTENT_TYPE);
                assertEquals(400, response.status(), name + " " + path);
                assertTrue(response.body().startsWith("File name of part 'f' must be a name without a path"), response.body());
            }
        }
    }

    @Test
    void uploadsOfAnotherContentTypeIs415(TestClient client) {
        var response = client.post("/keep", "doc=x", "Content-Type", "application/x-www-form-urlencoded");
        assertEquals(415, response.status());
        assertEquals("This route reads uploads from multipart/form-data; the request sent Content-Type "
                + "application/x-www-form-urlencoded", response.body().strip());
    }

    private static void assertFile(JsonNode file, String name, String fileName, String type, long size, String sha) {
        assertEquals(name, file.get("name").asText());
        assertEquals(fileName, file.get("fileName").asText());
        assertEquals(type, file.get("contentType").asText());
        assertEquals(size, file.get("size").asLong());
        assertEquals(sha, file.get("sha256").asText());
    }

    private JsonNode curl(TestClient client, String path, String... args) throws Exception {
        var command = new ArrayList<>(List.of("curl", "-sS", "--max-time", "30"));
        command.addAll(List.of(args));
        command.add(client.uri(path).toString());
        var process = new ProcessBuilder(command).redirectErrorStream(true).start();
        var output = process.getInputStream().readAllBytes();
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "curl did not finish");
        assertEquals(0, process.exitValue(), new String(output, StandardCharsets.UTF_8));
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(output);
    }

    private Path write(String name, byte[] content) throws IOException {
        return Files.write(local.resolve(name), content);
    }

    private static byte[] bytes(int n) {
        var bytes = new byte[n];
        for (int i = 0; i < n; i++) bytes[i] = (byte) (i * 31 + (i >> 8));
        return bytes;
    }

    private static String read(Upload upload) {
        try (InputStream in = upload.inputStream()) {
            return sha(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int count(Path directory) {
        try (var files = Files.list(directory)) {
            return (int) files.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path tempDirectory() {
        try {
            return Files.createTempDirectory("strand-uploads");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
