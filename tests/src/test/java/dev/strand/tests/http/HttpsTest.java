package dev.strand.tests.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strand.Strand;
import dev.strand.config.Tls;
import java.io.ByteArrayOutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HTTPS from PEM files, a PKCS#12 keystore and a self-signed certificate, over real TLS sockets. */
class HttpsTest {
    private static final Duration LIMIT = Duration.ofSeconds(10);

    @TempDir
    static Path dir;
    static TestCertificate certificate;
    static Strand server;
    static HttpClient client;

    @BeforeAll
    static void start() throws Exception {
        certificate = TestCertificate.make(dir);
        server = app().args("--tls-cert", certificate.certificate().toString(), "--tls-key", certificate.privateKey().toString(),
                "--redirect-port", "0").start();
        client = HttpClient.newBuilder().sslContext(certificate.trusting()).connectTimeout(LIMIT).build();
    }

    /** The client first: it leaves the SSE streams it stopped reading, which a graceful stop would wait for. */
    @AfterAll
    static void stop() {
        if (client != null) client.close();
        if (server != null) server.stop();
    }

    static Strand.Builder app() {
        return Strand.builder().controllers(new Routes()).host("127.0.0.1").port(0);
    }

    static URI at(Strand strand, String path) {
        return URI.create("https://localhost:" + strand.port() + path);
    }

    @Test
    void theUriIsHttps() {
        assertEquals(URI.create("https://127.0.0.1:" + server.port() + "/"), server.uri());
    }

    @Test
    void aClientThatOffersHttp2GetsItThroughAlpn() throws Exception {
        var response = client.send(HttpRequest.newBuilder(at(server, "/hello")).version(HttpClient.Version.HTTP_2).timeout(LIMIT).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        assertEquals("hello", response.body());
        assertEquals(HttpClient.Version.HTTP_2, response.version());
    }

    @Test
    void aClientThatAsksForHttp11GetsItOverTls() throws Exception {
        var response = client.send(HttpRequest.newBuilder(at(server, "/hello")).version(HttpClient.Version.HTTP_1_1).timeout(LIMIT).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals("hello", response.body());
        assertEquals(HttpClient.Version.HTTP_1_1, response.version());
    }

    @Test
    void aWebSocketOpensOverTls() throws Exception {
        var messages = new LinkedBlockingQueue<String>();
        var ws = client.newWebSocketBuilder().connectTimeout(LIMIT)
                .buildAsync(URI.create("wss://localhost:" + server.port() + "/echo"), new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
                        messages.add(data.toString());
                        socket.request(1);
                        return null;
                    }
                }).get(LIMIT.toSeconds(), TimeUnit.SECONDS);
        assertEquals("opened by GET", messages.poll(LIMIT.toSeconds(), TimeUnit.SECONDS));
        ws.sendText("over TLS", true).get(LIMIT.toSeconds(), TimeUnit.SECONDS);
        assertEquals("echo over TLS", messages.poll(LIMIT.toSeconds(), TimeUnit.SECONDS));
        ws.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(LIMIT.toSeconds(), TimeUnit.SECONDS);
    }

    @Test
    void tenSseStreamsShareOneHttp2Connection() throws Exception {
        var streams = new java.util.ArrayList<CompletableFuture<HttpResponse<java.util.stream.Stream<String>>>>();
        for (int i = 0; i < 10; i++) {
            streams.add(client.sendAsync(HttpRequest.newBuilder(at(server, "/ticks")).timeout(LIMIT).build(),
                    HttpResponse.BodyHandlers.ofLines()));
        }
        for (var stream : streams) {
            var response = stream.get(LIMIT.toSeconds(), TimeUnit.SECONDS);
            assertEquals(HttpClient.Version.HTTP_2, response.version());
            try (var lines = response.body()) {
                assertEquals("data: tick 1", lines.filter(l -> l.startsWith("data:")).findFirst().orElseThrow());
            }
        }
    }

    @Test
    void plainHttpToTheHttpsPortIsToldToUseHttps() throws Exception {
        try (var socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout((int) LIMIT.toMillis());
            socket.getOutputStream().write("GET /hello HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            var answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
            assertTrue(answer.startsWith("HTTP/1.1 400 "), answer);
            assertTrue(answer.endsWith("This port speaks HTTPS; use an https:// URL.\n"), answer);
        }
    }

    @Test
    void theRedirectPortSendsPlainHttpToHttps() throws Exception {
        try (var plain = HttpClient.newBuilder().connectTimeout(LIMIT).build()) {
            var response = plain.send(HttpRequest.newBuilder(URI.create("http://localhost:" + server.redirectPort() + "/hello?x=1"))
                    .timeout(LIMIT).build(), HttpResponse.BodyHandlers.discarding());
            assertEquals(307, response.statusCode());
            assertEquals("https://localhost:" + server.port() + "/hello?x=1", response.headers().firstValue("Location").orElseThrow());
        }
    }

    @Test
    void aPkcs12KeystoreServesHttps() throws Exception {
        var store = certificate.pkcs12("changeit");
        try (var strand = app().configure(c -> c.tls(Tls.keyStore(store, "changeit"))).start()) {
            var response = client.send(HttpRequest.newBuilder(at(strand, "/hello")).timeout(LIMIT).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals("hello", response.body());
        }
    }

    @Test
    void dashDashTlsMakesACertificateForLocalhost() throws Exception {
        var seen = new CompletableFuture<X509Certificate>();
        var context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {new Recording(seen)}, null);
        try (var strand = app().args("--tls").start();
             var trusting = HttpClient.newBuilder().sslContext(context).connectTimeout(LIMIT).build()) {
            var response = trusting.send(HttpRequest.newBuilder(at(strand, "/hello")).timeout(LIMIT).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals("hello", response.body());
            assertEquals(HttpClient.Version.HTTP_2, response.version());
            var presented = seen.get(LIMIT.toSeconds(), TimeUnit.SECONDS);
            assertTrue(presented.getSubjectX500Principal().getName().contains("CN=localhost"), presented.getSubjectX500Principal().getName());
            assertTrue(presented.getSubjectAlternativeNames().stream().anyMatch(n -> n.get(1).equals("127.0.0.1")));
        }
    }

    @Test
    void aMissingCertificateFileFailsTheStartNamingIt() {
        var missing = dir.resolve("nowhere.pem");
        var e = assertThrows(IllegalStateException.class,
                () -> app().args("--tls-cert", missing.toString(), "--tls-key", certificate.privateKey().toString()).start());
        assertEquals("TLS certificate " + missing.toAbsolutePath() + " does not exist", e.getMessage());
    }

    @Test
    void aTraditionalRsaKeyFailsTheStartSayingHowToConvertIt() throws Exception {
        var pkcs1 = certificate.pkcs1Key();
        var e = assertThrows(IllegalStateException.class,
                () -> app().args("--tls-cert", certificate.certificate().toString(), "--tls-key", pkcs1.toString()).start());
        assertTrue(e.getMessage().contains("is a PEM 'RSA PRIVATE KEY'; Strand reads unencrypted PKCS#8"), e.getMessage());
        assertTrue(e.getMessage().contains("openssl pkcs8 -topk8 -nocrypt -in " + pkcs1), e.getMessage());
    }

    @Test
    void aWrongKeystorePasswordFailsTheStart() throws Exception {
        var store = certificate.pkcs12("right");
        var e = assertThrows(IllegalStateException.class, () -> app().configure(c -> c.tls(Tls.keyStore(store, "wrong"))).start());
        assertTrue(e.getMessage().startsWith("TLS keystore " + store + " could not be read as PKCS#12 with the password given"), e.getMessage());
    }

    @Test
    void aCertificateWithoutItsKeyIsRefusedAtTheCommandLine() {
        var e = assertThrows(IllegalArgumentException.class, () -> app().args("--tls-cert", "cert.pem"));
        assertEquals("--tls-cert needs --tls-key FILE too (the PEM private key)", e.getMessage());
    }

    @Test
    void aRedirectPortWithoutTlsFailsTheStart() {
        var e = assertThrows(IllegalStateException.class, () -> app().args("--redirect-port", "0").start());
        assertTrue(e.getMessage().startsWith("redirectPort 0 redirects plain HTTP to HTTPS, which needs TLS settings"), e.getMessage());
    }

    /** Trusts any server, recording the certificate it presented: for the certificate made at start. */
    private record Recording(CompletableFuture<X509Certificate> seen) implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
            seen.complete(chain[0]);
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
