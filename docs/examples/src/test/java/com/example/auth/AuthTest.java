package com.example.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.strand.test.StrandExtension;
import dev.strand.test.TestClient;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class AuthTest {
    @RegisterExtension
    static final StrandExtension app = new StrandExtension(AuthApp::app);

    private static String signIn(TestClient client) {
        var response = client.postJson("/login", Map.of("name", "ada", "password", "lovelace"));
        assertEquals(200, response.status());
        return response.json().get("token").asText();
    }

    // #region refused
    @Test
    void withoutATokenNothingOpens(TestClient client) {
        assertEquals(401, client.get("/me").status());
        assertEquals(401, client.wsRejected("/notes").status());       // no 101: the handshake is refused
        try (var stream = client.sse("/clock")) {
            assertEquals(401, stream.status());                        // no stream
        }
    }
    // #endregion refused

    // #region allowed
    @Test
    void aBearerTokenOpensAllThree(TestClient client) {
        var bearer = "Bearer " + signIn(client);
        assertEquals("ada", client.get("/me", "Authorization", bearer).json().get("user").asText());
        try (var notes = client.ws("/notes", "Authorization", bearer)) {
            assertEquals("Hello, ada", notes.receiveText());
            notes.send("buy tea");
            assertEquals("ada: buy tea", notes.receiveText());
        }
        try (var clock = client.sse("/clock", "Authorization", bearer)) {
            assertEquals("tick", clock.next().event());
        }
    }
    // #endregion allowed

    @Test
    void theSessionCookieWorksAsBrowsersSendIt(TestClient client) {
        var login = client.postJson("/login", Map.of("name", "alan", "password", "turing"));
        var cookie = login.header("Set-Cookie").split(";")[0];            // session=...
        assertEquals("alan", client.get("/me", "Cookie", cookie).json().get("user").asText());
        try (var notes = client.ws("/notes", "Cookie", cookie)) {
            assertEquals("Hello, alan", notes.receiveText());
        }
        // A page on another site could make the browser send the cookie; the origin check refuses it.
        assertEquals(403, client.wsRejected("/notes", "Cookie", cookie, "Origin", "https://evil.example").status());
    }

    @Test
    void wrongPasswordsAndLoggedOutTokensAreRefused(TestClient client) {
        assertEquals(401, client.postJson("/login", Map.of("name", "ada", "password", "babbage")).status());
        var bearer = "Bearer " + signIn(client);
        assertEquals(204, client.post("/logout", "", "Authorization", bearer).status());
        assertEquals(401, client.get("/me", "Authorization", bearer).status());
    }
}
