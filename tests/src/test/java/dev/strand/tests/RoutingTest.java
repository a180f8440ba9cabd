package dev.strand.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strand.Context;
import dev.strand.Strand;
import dev.strand.annotation.Delete;
import dev.strand.annotation.Get;
import dev.strand.annotation.Post;
import dev.strand.test.StrandExtension;
import dev.strand.test.TestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RoutingTest {

    /** Routes declared in the "wrong" order on purpose: priority must not depend on it. */
    public static final class Files {
        @Get("/files/{path...}")
        public String tail(Context ctx) {
            return "tail " + ctx.pathParam("path");
        }

        @Get("/files/{n:\\d+}")
        public String regex(Context ctx) {
            return "regex " + ctx.pathParam("n");
        }

        @Get("/files/{name}")
        public String param(Context ctx) {
            return "param " + ctx.pathParam("name");
        }

        @Get("/files/latest")
        public String literal() {
            return "literal";
        }

        @Get("/files/{n:\\d+}/meta")
        public String regexMeta(Context ctx) {
            return "regex-meta " + ctx.pathParam("n");
        }

        @Post("/files/{name}")
        public String upload(Context ctx) {
            return "post " + ctx.pathParam("name");
        }

        @Delete("/files/{name}")
        public String remove(Context ctx) {
            return "delete " + ctx.pathParam("name");
        }

        @Get("/")
        public String root() {
            return "root";
        }
    }

    @RegisterExtension
    static final StrandExtension app = new StrandExtension(() -> Strand.builder().controllers(new Files()));

    @Test
    void staticBeatsParameterBeatsRegexBeatsTail(TestClient client) {
        assertEquals("literal", client.get("/files/latest").body());
        assertEquals("param 42", client.get("/files/42").body());
        assertEquals("regex-meta 42", client.get("/files/42/meta").body());
        assertEquals("tail a/b/c", client.get("/files/a/b/c").body());
        assertEquals("root", client.get("/").body());
    }

    @Test
    void decodesPathParameters(TestClient client) {
        assertEquals("param hello wörld", client.get("/files/hello%20w%C3%B6rld").body());
        assertEquals("tail a b/c", client.get("/files/a%20b/c").body());
    }

    @Test
    void ignoresATrailingSlash(TestClient client) {
        assertEquals("literal", client.get("/files/latest/").body());
    }

    @Test
    void picksTheRouteByMethod(TestClient client) {
        assertEquals("post x", client.post("/files/x", "").body());
        assertEquals("delete x", client.delete("/files/x").body());
    }

    @Test
    void unknownPathIs404WithAMessage(TestClient client) {
        var r = client.get("/nothing/here");
        assertEquals(404, r.status());
        assertEquals("No route for GET /nothing/here", r.body().strip());
        var json = client.get("/nothing", "Accept", "application/json");
        assertEquals(404, json.json().get("status").asInt());
        assertEquals("No route for GET /nothing", json.json().get("error").asText());
    }

    @Test
    void wrongMethodIs405WithAllow(TestClient client) {
        var r = client.request("PUT", "/files/latest", new byte[0]);
        assertEquals(405, r.status());
        assertEquals("DELETE, GET, HEAD, OPTIONS, POST", r.header("Allow"));
        assertTrue(r.body().contains("Method PUT is not allowed for /files/latest"), r.body());
    }

    @Test
    void headAnswersLikeGetWithoutABody(TestClient client) {
        var r = client.request("HEAD", "/files/latest", null);
        assertEquals(200, r.status());
        assertEquals("7", r.header("Content-Length"));
        assertEquals(0, r.bytes().length);
    }

    @Test
    void optionsListsTheAllowedMethods(TestClient client) {
        var r = client.request("OPTIONS", "/", null);
        assertEquals(204, r.status());
        assertEquals("GET, HEAD, OPTIONS", r.header("Allow"));
        assertNull(r.header("Content-Type"));
    }

    @Test
    void malformedEscapeIs400(TestClient client) {
        var r = client.raw("GET /files/%zz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        assertTrue(r.startsWith("HTTP/1.1 400"), r);
    }

    @Test
    void everyAppServesTheBrowserClient(TestClient client) {
        var r = client.get("/strand.js");
        assertEquals(200, r.status());
        assertEquals("text/javascript; charset=utf-8", r.header("Content-Type"));
        assertTrue(r.body().contains("global.Strand = { socket, events }"), r.body());
        assertEquals(304, client.get("/strand.js", "If-None-Match", r.header("ETag")).status());
    }
}
