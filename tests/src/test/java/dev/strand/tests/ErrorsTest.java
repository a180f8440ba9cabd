package dev.strand.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strand.HttpException;
import dev.strand.Strand;
import dev.strand.annotation.Body;
import dev.strand.annotation.Get;
import dev.strand.annotation.Post;
import dev.strand.test.StrandExtension;
import dev.strand.test.TestClient;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ErrorsTest {

    public static final class Failing {
        @Get("/boom")
        public String boom() {
            throw new IllegalStateException("secret internal detail");
        }

        @Get("/teapot")
        public String teapot() {
            throw new HttpException(418, "I am a teapot");
        }

        @Post("/size")
        public String size(@Body byte[] body) {
            return String.valueOf(body.length);
        }

        @Post("/json")
        public Map<?, ?> json(@Body Map<String, Object> body) {
            return body;
        }

        @Get("/ok")
        public String ok() {
            return "ok";
        }
    }

    @RegisterExtension
    static final StrandExtension app = new StrandExtension(() -> Strand.builder()
            .controllers(new Failing())
            .configure(c -> c.maxRequestBodySize(1024).maxRequestHeaderSize(2048)));

    @Test
    void handlerExceptionIs500WithoutTheStackTrace(TestClient client) {
        var text = client.get("/boom");
        assertEquals(500, text.status());
        assertTrue(text.body().matches("Internal Server Error \\(error id [0-9a-f]{8}\\)\\n"), text.body());
        assertFalse(text.body().contains("secret"), text.body());
        assertFalse(text.body().contains("Exception"), text.body());

        var json = client.get("/boom", "Accept", "application/json");
        assertEquals("application/json", json.header("Content-Type"));
        assertEquals(500, json.json().get("status").asInt());
        assertTrue(json.json().get("error").asText().startsWith("Internal Server Error (error id "));
        assertEquals("ok", client.get("/ok").body());
    }

    @Test
    void httpExceptionAnswersItsStatusAndMessage(TestClient client) {
        var r = client.get("/teapot");
        assertEquals(418, r.status());
        assertEquals("I am a teapot\n", r.body());
    }

    @Test
    void oversizedBodyIs413AndTheServerGoesOn(TestClient client) {
        assertEquals("1024", client.request("POST", "/size", new byte[1024]).body());
        var r = client.request("POST", "/size", new byte[1025]);
        assertEquals(413, r.status());
        assertEquals("Request body is larger than the limit of 1024 bytes", r.body().strip());
        assertEquals("ok", client.get("/ok").body());
    }

    @Test
    void oversizedChunkedBodyIs413(TestClient client) {
        var chunk = "x".repeat(800);
        var r = client.raw("POST /size HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
                + "320\r\n" + chunk + "\r\n320\r\n" + chunk + "\r\n0\r\n\r\n");
        assertTrue(r.startsWith("HTTP/1.1 413 "), r);
        assertEquals("ok", client.get("/ok").body());
    }

    @Test
    void oversizedHeadersAre431AndTheServerGoesOn(TestClient client) {
        var r = client.get("/ok", "X-Big", "a".repeat(4000));
        assertEquals(431, r.status());
        assertFalse(r.body().contains("Exception"), r.body());
        assertEquals("ok", client.get("/ok").body());
    }

    @Test
    void malformedRequestLineIs400WithoutInternals(TestClient client) {
        var r = client.raw("GARBAGE\r\n\r\n");
        assertTrue(r.startsWith("HTTP/1.1 400 "), r);
        assertFalse(r.contains("Exception"), r);
        assertEquals("ok", client.get("/ok").body());
    }

    @Test
    void keepAliveConnectionSurvivesErrors(TestClient client) {
        var pipelined = client.raw(
                "GET /teapot HTTP/1.1\r\nHost: x\r\n\r\n"
                + "POST /json HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 5\r\n\r\n{bad}"
                + "GET /boom HTTP/1.1\r\nHost: x\r\n\r\n"
                + "GET /ok HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        var statuses = pipelined.lines().filter(l -> l.startsWith("HTTP/1.1 ")).toList();
        assertEquals(4, statuses.size(), pipelined);
        assertTrue(statuses.get(0).startsWith("HTTP/1.1 418"));
        assertTrue(statuses.get(1).startsWith("HTTP/1.1 400"));
        assertTrue(statuses.get(2).startsWith("HTTP/1.1 500"));
        assertTrue(statuses.get(3).startsWith("HTTP/1.1 200"));
        assertTrue(pipelined.endsWith("ok"), pipelined);
    }
}
