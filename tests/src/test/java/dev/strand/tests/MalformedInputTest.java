package dev.strand.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strand.Context;
import dev.strand.Strand;
import dev.strand.annotation.Body;
import dev.strand.annotation.Get;
import dev.strand.annotation.QueryParam;
import dev.strand.annotation.Sse;
import dev.strand.annotation.Ws;
import dev.strand.sse.SseEvent;
import dev.strand.test.StrandExtension;
import dev.strand.test.TestClient;
import dev.strand.websocket.WsMessage;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Faults in what a client sends get their 4xx, whichever layer finds them (Jetty's parsers, the
 * JDK's decoders, Strand's binding), and a refused stream is refused before it starts.
 */
class MalformedInputTest {

    public static final class Routes {
        @Get("/typed")
        public String typed(@QueryParam String token) {
            return "token " + token;
        }

        @Get("/context")
        public String context(Context ctx) {
            return "token " + ctx.queryParam("token");
        }

        @Get("/ok")
        public String ok() {
            return "ok";
        }

        @Ws("/echo")
        public void echo(Context ctx) {
            for (WsMessage m; (m = ctx.receive()) != null; ) ctx.sendText(text(m));
        }

        @Ws("/echo-typed")
        public void echoTyped(Context ctx, @QueryParam int room) {
            for (WsMessage m; (m = ctx.receive()) != null; ) ctx.sendText(room + ":" + text(m));
        }

        public record Move(int x, int y) {}

        /** The first message is bound as JSON; the rest are echoed. */
        @Ws("/moves")
        public void moves(Context ctx, @Body Move first) {
            ctx.sendText("first " + first.x() + "," + first.y());
            for (WsMessage m; (m = ctx.receive()) != null; ) ctx.sendText(text(m));
        }

        @Sse("/ticks")
        public void ticks(Context ctx, @QueryParam int count) {
            for (int i = 1; i <= count; i++) ctx.sendEvent(SseEvent.data(i));
        }
    }

    private static String text(WsMessage message) {
        return new String(message.bytes(), StandardCharsets.UTF_8);
    }

    @RegisterExtension
    static final StrandExtension app = new StrandExtension(() -> Strand.builder().controllers(new Routes()));

    @ParameterizedTest
    @ValueSource(strings = {"%ZZ", "%", "%C0%AF", "%FF", "abc%E2%82"})
    void malformedQueryEncodingIs400NamingTheParameter(String value, TestClient client) {
        for (var path : new String[] {"/typed", "/context", "/ok"}) {
            var answer = client.raw("GET " + path + "?a=1&token=" + value + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
            assertTrue(answer.startsWith("HTTP/1.1 400"), path + "?token=" + value + ": " + answer);
            assertTrue(answer.contains("Malformed query parameter 'token'"), answer);
        }
        assertEquals("token ok", client.get("/typed?token=ok").body());
    }

    @Test
    void malformedQueryEncodingRefusesTheWebSocketUpgrade(TestClient client) throws IOException {
        var head = upgrade(client.base(), "/echo?token=%ZZ", "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                + "Sec-WebSocket-Version: 13\r\n");
        assertTrue(head.startsWith("HTTP/1.1 400"), head);
        assertTrue(head.contains("'token'"), head);
        head = upgrade(client.base(), "/echo-typed?room=%ZZ", "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                + "Sec-WebSocket-Version: 13\r\n");
        assertTrue(head.startsWith("HTTP/1.1 400"), head);
        assertTrue(head.contains("'room'"), head);
    }

    @Test
    void aWebSocketParameterThatDoesNotConvertRefusesTheUpgrade(TestClient client) {
        var refused = client.wsRejected("/echo-typed?room=abc");
        assertEquals(400, refused.status());
        assertTrue(refused.body().contains("'room'"), refused.body());
        try (var ws = client.ws("/echo-typed?room=7")) {
            ws.send("hi");
            assertEquals("7:hi", ws.receiveText());
        }
    }

    @Test
    void aMessageThatIsNotTheJsonTheHandlerTakesClosesWith1007(TestClient client) {
        try (var ws = client.ws("/moves")) {
            ws.send("{\"x\": \"left\"}");
            var close = ws.awaitClose();
            assertEquals(1007, close.code());
            assertTrue(close.reason().contains("x"), close.reason());
        }
        try (var ws = client.ws("/moves")) {
            ws.send("{\"x\": 1, \"y\": 2}");
            assertEquals("first 1,2", ws.receiveText());
        }
    }

    @Test
    void anUpgradeWithoutAKeyIs400(TestClient client) throws IOException {
        var head = upgrade(client.base(), "/echo", "Sec-WebSocket-Version: 13\r\n");
        assertTrue(head.startsWith("HTTP/1.1 400"), head);
        assertTrue(head.contains("Sec-WebSocket-Key"), head);
        head = upgrade(client.base(), "/echo", "Sec-WebSocket-Key: short\r\nSec-WebSocket-Version: 13\r\n");
        assertTrue(head.startsWith("HTTP/1.1 400"), head);
    }

    @Test
    void anUnsupportedVersionIs426NamingVersion13(TestClient client) throws IOException {
        var head = upgrade(client.base(), "/echo", "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                + "Sec-WebSocket-Version: 12\r\n");
        assertTrue(head.startsWith("HTTP/1.1 426"), head);
        assertTrue(head.contains("Sec-WebSocket-Version: 13\r\n"), head);
    }

    @Test
    void aDeflateOfferWithAnUnknownParameterIsDeclined(TestClient client) throws IOException {
        var head = upgradeWithExtensions(client.base(), "permessage-deflate; foo=1");
        assertTrue(head.startsWith("HTTP/1.1 101"), head);
        assertFalse(head.toLowerCase().contains("sec-websocket-extensions"), head);
    }

    @Test
    void aFallbackDeflateOfferIsAccepted(TestClient client) throws IOException {
        var head = upgradeWithExtensions(client.base(), "permessage-deflate; foo=1, permessage-deflate");
        assertTrue(head.startsWith("HTTP/1.1 101"), head);
        assertTrue(head.contains("Sec-WebSocket-Extensions: permessage-deflate\r\n"), head);
    }

    @ParameterizedTest
    @ValueSource(strings = {"7", "9", "16", "abc", ""})
    void aServerWindowItCannotHonourIsDeclined(String bits, TestClient client) throws IOException {
        var offer = "permessage-deflate; server_max_window_bits" + (bits.isEmpty() ? "" : "=" + bits);
        var head = upgradeWithExtensions(client.base(), offer);
        assertTrue(head.startsWith("HTTP/1.1 101"), head);
        assertFalse(head.toLowerCase().contains("sec-websocket-extensions"), head);
    }

    @Test
    void anSseParameterThatDoesNotConvertIs400BeforeTheStream(TestClient client) throws IOException {
        try (var sse = client.sse("/ticks?count=abc")) {
            assertEquals(400, sse.status());
            assertTrue(sse.refusalBody().contains("'count'"), sse.refusalBody());
        }
        // the same connection serves the next request
        var answers = client.raw("GET /ticks?count=abc HTTP/1.1\r\nHost: x\r\nAccept: text/event-stream\r\n\r\n"
                + "GET /ok HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        assertTrue(answers.startsWith("HTTP/1.1 400"), answers);
        assertFalse(answers.contains("text/event-stream"), answers);
        assertTrue(answers.contains("HTTP/1.1 200") && answers.endsWith("ok"), answers);
        try (var sse = client.sse("/ticks?count=2")) {
            assertEquals("1", sse.next().data());
            assertEquals("2", sse.next().data());
        }
    }

    private static String upgradeWithExtensions(URI base, String offer) throws IOException {
        return upgrade(base, "/echo", "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
                + "Sec-WebSocket-Extensions: " + offer + "\r\n");
    }

    /** Sends an upgrade request and returns the response head (and a refusal's body). */
    private static String upgrade(URI base, String path, String headers) throws IOException {
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 5000);
            socket.setSoTimeout(10_000);
            var request = "GET " + path + " HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort() + "\r\n"
                    + "Upgrade: websocket\r\nConnection: Upgrade\r\n" + headers + "\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            return readResponse(socket.getInputStream());
        }
    }

    private static String readResponse(InputStream in) throws IOException {
        var head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) return head.toString();
            head.append((char) b);
        }
        var text = head.toString();
        var length = text.lines().filter(l -> l.regionMatches(true, 0, "Content-Length:", 0, 15)).findFirst();
        if (length.isEmpty()) return text;
        var body = in.readNBytes(Integer.parseInt(length.get().substring(15).strip()));
        return text + new String(body, StandardCharsets.UTF_8);
    }
}
