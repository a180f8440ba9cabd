package com.example.cookies;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strand.Strand;
import dev.strand.test.StrandExtension;
import dev.strand.test.TestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PreferencesTest {
    @RegisterExtension
    static final StrandExtension app = new StrandExtension(() -> Strand.builder().controllers(new Preferences()));

    @Test
    void setsReadsAndRemovesCookies(TestClient client) {
        var theme = client.post("/theme/dark", "").header("Set-Cookie");
        assertTrue(theme.startsWith("theme=dark; Path=/; Expires=") && theme.endsWith("; Max-Age=31536000"), theme);
        assertEquals("dark", client.get("/theme", "Cookie", "theme=dark").body());
        assertEquals("light", client.get("/theme").body());
        assertEquals("session=s3cr3t-id; Path=/; Secure; HttpOnly; SameSite=Lax", client.post("/sign-in", "").header("Set-Cookie"));
        assertEquals("session=; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT", client.post("/sign-out", "").header("Set-Cookie"));
    }
}
