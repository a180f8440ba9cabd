package com.example.https;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HttpsAppTest {
    @TempDir
    Path dir;

    @Test
    void theReportComesOverHttp2GzippedAndPlainHttpIsRedirected() throws Exception {
        var cert = dir.resolve("cert.pem");
        var key = dir.resolve("key.pem");
        var openssl = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
                "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost", "-keyout", key.toString(), "-out", cert.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("openssl.log").toFile()).start();
        assertEquals(true, openssl.waitFor(60, TimeUnit.SECONDS) && openssl.exitValue() == 0, "openssl made the certificate");

        try (var server = HttpsApp.app(cert, key).host("127.0.0.1").port(0).configure(c -> c.redirectPort(0)).start();
             var client = HttpClient.newBuilder().sslContext(trusting(cert)).connectTimeout(Duration.ofSeconds(10)).build()) {
            var response = client.send(HttpRequest.newBuilder(URI.create("https://localhost:" + server.port() + "/report"))
                    .header("Accept-Encoding", "gzip").build(), HttpResponse.BodyHandlers.ofInputStream());
            assertEquals(HttpClient.Version.HTTP_2, response.version());
            assertEquals("gzip", response.headers().firstValue("Content-Encoding").orElseThrow());
            try (InputStream body = new GZIPInputStream(response.body())) {
                assertEquals(new Report().report(), new String(body.readAllBytes()));
            }

            var plain = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + server.redirectPort() + "/report")).build(),
                    HttpResponse.BodyHandlers.discarding());
            assertEquals(307, plain.statusCode());
            assertEquals("https://localhost:" + server.port() + "/report", plain.headers().firstValue("Location").orElseThrow());
        }
    }

    private static SSLContext trusting(Path cert) throws Exception {
        var store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        try (var in = Files.newInputStream(cert)) {
            store.setCertificateEntry("server", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        var trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        var context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }
}
