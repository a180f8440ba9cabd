package dev.strand.tests.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strand.Strand;
import dev.strand.config.Compression;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Response compression and request decoding, from real clients over real sockets. */
class CompressionTest {
    private static final Duration LIMIT = Duration.ofSeconds(10);
    private static final int BODY_LIMIT = 1024 * 1024;

    @TempDir
    static Path dir;
    static Strand server;
    static HttpClient client;

    @BeforeAll
    static void start() {
        server = HttpsTest.app().configure(c -> c.maxRequestBodySize(BODY_LIMIT)).start();
        client = HttpClient.newBuilder().connectTimeout(LIMIT).build();
    }

    @AfterAll
    static void stop() {
        if (client != null) client.close();
        if (server != null) server.stop();
    }

    private static HttpResponse<byte[]> get(Strand strand, String path, String acceptEncoding) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + strand.port() + path)).timeout(LIMIT);
        if (acceptEncoding != null) request.header("Accept-Encoding", acceptEncoding);
        return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static HttpResponse<String> postGzip(byte[] plain) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/size")).timeout(LIMIT)
                .header("Content-Encoding", "gzip").POST(HttpRequest.BodyPublishers.ofByteArray(gzip(plain))).build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aLargeBodyIsGzippedForAClientThatAcceptsIt() throws Exception {
        var response = get(server, "/big", "gzip");
        assertEquals("gzip", response.headers().firstValue("Content-Encoding").orElse(null));
        assertEquals("Accept-Encoding", response.headers().firstValue("Vary").orElse(null));
        assertTrue(response.body().length < Routes.BIG.length() / 10, "compressed to " + response.body().length + " bytes");
        assertEquals(Routes.BIG, gunzip(response.body()));
    }

    @Test
    void aClientThatAcceptsNoEncodingGetsThePlainBodyWithVary() throws Exception {
        var response = get(server, "/big", null);
        assertTrue(response.headers().firstValue("Content-Encoding").isEmpty());
        assertEquals("Accept-Encoding", response.headers().firstValue("Vary").orElse(null));
        assertEquals(Routes.BIG, new String(response.body(), StandardCharsets.UTF_8));
    }

    @Test
    void aBodyUnderTheThresholdIsSentAsItIs() throws Exception {
        var response = get(server, "/hello", "gzip");
        assertTrue(response.headers().firstValue("Content-Encoding").isEmpty());
        assertEquals("hello", new String(response.body(), StandardCharsets.UTF_8));
    }

    @Test
    void curlGetsBrotliAndZstdWhenTheirModulesArePresent() throws Exception {
        for (var encoding : new String[] {"br", "zstd"}) {
            var headers = dir.resolve(encoding + ".headers");
            var body = Curl.run("--compressed", "-H", "Accept-Encoding: " + encoding, "-D", headers.toString(),
                    "http://127.0.0.1:" + server.port() + "/big");
            assertTrue(Files.readString(headers).toLowerCase().contains("content-encoding: " + encoding), Files.readString(headers));
            assertEquals(Routes.BIG, body);
        }
    }

    @Test
    void sseEventsAreNotCompressedAndEachArrivesWhenSent() throws Exception {
        Routes.NEXT_EVENT.drainPermits();
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/stepped"))
                .header("Accept-Encoding", "gzip").timeout(LIMIT).build();
        var response = client.send(request, HttpResponse.BodyHandlers.ofLines());
        assertTrue(response.headers().firstValue("Content-Encoding").isEmpty());
        try (var lines = response.body()) {
            var data = lines.filter(l -> l.startsWith("data:")).iterator();
            for (int i = 1; i <= 3; i++) {
                assertTrue(data.next().startsWith("data: step " + i + " "));
                Routes.NEXT_EVENT.release();
            }
        }
    }

    @Test
    void aGzippedRequestBodyReachesTheHandlerDecoded() throws Exception {
        var plain = Routes.BIG.getBytes(StandardCharsets.UTF_8);
        var response = postGzip(plain);
        assertEquals(200, response.statusCode());
        assertEquals(Integer.toString(plain.length), response.body());
    }

    @Test
    void aZipBombIsRefusedWith413AtTheBodyLimit() throws Exception {
        var bomb = new byte[64 * BODY_LIMIT];
        var response = postGzip(bomb);
        assertEquals(413, response.statusCode());
        assertTrue(response.body().contains("Request body is larger than the limit of " + BODY_LIMIT + " bytes"), response.body());
        assertEquals("hello", new String(get(server, "/hello", null).body(), StandardCharsets.UTF_8));
    }

    @Test
    void aBodyThatIsNotGzipAnswers400() throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/size")).timeout(LIMIT)
                .header("Content-Encoding", "gzip").POST(HttpRequest.BodyPublishers.ofString("not gzip at all")).build();
        var response = client.send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(400, response.statusCode(), response.body());
    }

    @Test
    void withCompressionOffNothingIsCompressedOrDecoded() throws Exception {
        try (var off = HttpsTest.app().configure(c -> c.compression(Compression.OFF)).start()) {
            var response = get(off, "/big", "gzip");
            assertTrue(response.headers().firstValue("Content-Encoding").isEmpty());
            assertTrue(response.headers().firstValue("Vary").isEmpty());
            assertEquals(Routes.BIG, new String(response.body(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void theThresholdIsConfigurable() throws Exception {
        try (var eager = HttpsTest.app().configure(c -> c.compression(Compression.DEFAULT.withMinResponseSize(64 * 1024))).start()) {
            assertTrue(get(eager, "/big", "gzip").headers().firstValue("Content-Encoding").isEmpty());
        }
    }

    private static byte[] gzip(byte[] plain) throws IOException {
        var out = new ByteArrayOutputStream();
        try (var zip = new GZIPOutputStream(out)) {
            zip.write(plain);
        }
        return out.toByteArray();
    }

    private static String gunzip(byte[] compressed) throws IOException {
        try (var in = new GZIPInputStream(new java.io.ByteArrayInputStream(compressed))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
