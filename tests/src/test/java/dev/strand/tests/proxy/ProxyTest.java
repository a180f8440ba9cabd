package dev.strand.tests.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strand.Context;
import dev.strand.Strand;
import dev.strand.annotation.Get;
import dev.strand.annotation.Ws;
import dev.strand.test.StrandExtension;
import dev.strand.test.TestClient;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Behind a reverse proxy: the client address, scheme and host a Context reports, and the WebSocket
 * origin check, follow {@code Forwarded} / {@code X-Forwarded-*} only from a trusted peer. The
 * test client connects from 127.0.0.1, which one server trusts and the other does not.
 */
class ProxyTest {

    public static final class Probe {
        @Get("/whoami")
        public Map<String, String> whoami(Context ctx) {
            return Map.of("remote", ctx.remoteAddress(), "scheme", ctx.scheme(), "host", ctx.host());
        }

        @Ws("/live")
        public void live(Context ctx) {
            ctx.sendText(ctx.scheme() + "://" + ctx.host() + " for " + ctx.remoteAddress());
            ctx.receive();
        }
    }

    @Nested
    class Trusted {
        @RegisterExtension
        static final StrandExtension app = new StrandExtension(() -> Strand.builder().controllers(new Probe())
                .configure(c -> c.trustedProxies("127.0.0.1", "10.0.0.0/8")));

        @Test
        void xForwardedHeadersSetAddressSchemeAndHost(TestClient client) {
            var json = client.get("/whoami", "X-Forwarded-For", "203.0.113.9, 10.0.0.2", "X-Forwarded-Proto", "https",
                    "X-Forwarded-Host", "shop.example").json();
            assertEquals("203.0.113.9", json.get("remote").asText());
            assertEquals("https", json.get("scheme").asText());
            assertEquals("shop.example", json.get("host").asText());
        }

        @Test
        void aForwardedPortOtherThanTheDefaultIsPartOfTheHost(TestClient client) {
            var json = client.get("/whoami", "X-Forwarded-Proto", "https", "X-Forwarded-Host", "shop.example",
                    "X-Forwarded-Port", "8443").json();
            assertEquals("shop.example:8443", json.get("host").asText());
        }

        @Test
        void forwardedHeaderOfRfc7239(TestClient client) {
            var json = client.get("/whoami", "Forwarded", "for=\"[2001:db8::7]:4711\";proto=https;host=app.example").json();
            assertEquals("[2001:db8:0:0:0:0:0:7]", json.get("remote").asText(), "as Jetty writes an IPv6 peer");
            assertEquals("https://app.example", json.get("scheme").asText() + "://" + json.get("host").asText());
        }

        @Test
        void withoutProxyHeadersTheConnectionSpeaks(TestClient client) {
            var json = client.get("/whoami").json();
            assertEquals("127.0.0.1", json.get("remote").asText());
            assertEquals("http", json.get("scheme").asText());
            assertEquals("127.0.0.1:" + client.base().getPort(), json.get("host").asText());
        }

        @Test
        void aMalformedHeaderFromATrustedProxyIs400(TestClient client) {
            var bad = client.get("/whoami", "Forwarded", "for=\"203.0.113.9");
            assertEquals(400, bad.status());
            assertTrue(bad.body().contains("Unreadable proxy header from a trusted proxy: expected a closing quote"), bad.body());
            assertEquals(400, client.get("/whoami", "X-Forwarded-Proto", "gopher").status());
        }

        @Test
        void theWebSocketOriginCheckComparesTheForwardedOrigin(TestClient client) {
            try (var ws = client.ws("/live", "Origin", "https://shop.example", "X-Forwarded-Proto", "https",
                    "X-Forwarded-Host", "shop.example", "X-Forwarded-For", "198.51.100.3")) {
                assertEquals("https://shop.example for 198.51.100.3", ws.receiveText());
            }
            assertEquals(403, client.wsRejected("/live", "Origin", "https://evil.example", "X-Forwarded-Proto", "https",
                    "X-Forwarded-Host", "shop.example").status());
        }
    }

    @Nested
    class Untrusted {
        @RegisterExtension
        static final StrandExtension app = new StrandExtension(() -> Strand.builder().controllers(new Probe())
                .configure(c -> c.trustedProxies("10.0.0.0/8")));

        @Test
        void proxyHeadersFromAnotherPeerAreIgnored(TestClient client) {
            var json = client.get("/whoami", "X-Forwarded-For", "203.0.113.9", "X-Forwarded-Proto", "https",
                    "X-Forwarded-Host", "shop.example", "Forwarded", "for=203.0.113.9").json();
            assertEquals("127.0.0.1", json.get("remote").asText());
            assertEquals("http", json.get("scheme").asText());
            assertEquals("127.0.0.1:" + client.base().getPort(), json.get("host").asText());
        }

        @Test
        void evenMalformedOnesAreIgnored(TestClient client) {
            assertEquals(200, client.get("/whoami", "Forwarded", "for=\"broken").status());
        }

        @Test
        void theWebSocketOriginCheckUsesTheHostHeader(TestClient client) {
            assertEquals(403, client.wsRejected("/live", "Origin", "https://shop.example", "X-Forwarded-Proto", "https",
                    "X-Forwarded-Host", "shop.example").status());
        }
    }
}
