package dev.strand.tests.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strand.Strand;
import java.io.IOException;
import java.net.URI;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.http2.client.HTTP2Client;
import org.eclipse.jetty.http2.client.transport.HttpClientTransportOverHTTP2;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.client.WebSocketClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Cleartext HTTP/2 beside HTTP/1.1 on the plain port, and the switch that turns it off. */
class H2cTest {
    private static final long LIMIT_SECONDS = 10;
    static Strand server;

    @BeforeAll
    static void start() {
        server = HttpsTest.app().start();
    }

    @AfterAll
    static void stop() {
        if (server != null) server.stop();
    }

    private static String url(Strand strand) {
        return "http://127.0.0.1:" + strand.port() + "/hello";
    }

    @Test
    void curlWithPriorKnowledgeSpeaksHttp2() throws Exception {
        assertEquals("hello 2", Curl.run("--http2-prior-knowledge", "-w", " %{http_version}", url(server)));
    }

    @Test
    void curlUpgradesToHttp2() throws Exception {
        assertEquals("hello 2", Curl.run("--http2", "-w", " %{http_version}", url(server)));
    }

    @Test
    void http11StaysOnTheSamePort() throws Exception {
        assertEquals("hello 1.1", Curl.run("--http1.1", "-w", " %{http_version}", url(server)));
    }

    @Test
    void withHttp2OffAnUpgradeIsDeclinedAndPriorKnowledgeFails() throws Exception {
        try (var plain = HttpsTest.app().configure(c -> c.http2(false)).start()) {
            assertEquals("hello 1.1", Curl.run("--http2", "-w", " %{http_version}", url(plain)));
            assertThrows(IOException.class, () -> Curl.run("--http2-prior-knowledge", url(plain)));
        }
    }

    @Test
    void aWebSocketClientOverHttp2IsRefusedExtendedConnect() throws Exception {
        var http = new HttpClient(new HttpClientTransportOverHTTP2(new HTTP2Client()));
        var ws = new WebSocketClient(http);
        ws.start();
        try {
            var attempt = ws.connect(new Messages(), URI.create("ws://127.0.0.1:" + server.port() + "/echo"));
            var failure = assertThrows(ExecutionException.class, () -> attempt.get(LIMIT_SECONDS, TimeUnit.SECONDS));
            assertTrue(String.valueOf(failure.getCause().getMessage()).contains("CONNECT with :protocol disabled"), failure.getCause().toString());
        } finally {
            ws.stop();
        }
    }

    /** Collects text messages; public, as Jetty calls listener methods through a public lookup. */
    public static final class Messages implements Session.Listener.AutoDemanding {
        private final LinkedBlockingQueue<String> texts = new LinkedBlockingQueue<>();

        @Override
        public void onWebSocketText(String message) {
            texts.add(message);
        }

        String next() throws InterruptedException {
            return texts.poll(LIMIT_SECONDS, TimeUnit.SECONDS);
        }
    }
}
