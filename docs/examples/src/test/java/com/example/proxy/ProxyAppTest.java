package com.example.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.strand.test.StrandExtension;
import dev.strand.test.TestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ProxyAppTest {
    @RegisterExtension
    static final StrandExtension app = new StrandExtension(ProxyApp::app);

    @Test
    void readsWhatTheTrustedProxySays(TestClient client) {
        assertEquals("203.0.113.7 asked for https://shop.example/where", client.get("/where",
                "X-Forwarded-For", "203.0.113.7", "X-Forwarded-Proto", "https", "X-Forwarded-Host", "shop.example").body());
        assertEquals("198.51.100.2 asked for https://shop.example/where", client.get("/where",
                "Forwarded", "for=198.51.100.2;proto=https;host=shop.example").body());
    }

    @Test
    void withoutHeadersTheConnectionSpeaks(TestClient client) {
        assertEquals("127.0.0.1 asked for http://127.0.0.1:" + client.base().getPort() + "/where", client.get("/where").body());
    }
}
