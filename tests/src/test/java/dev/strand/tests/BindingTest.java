package dev.strand.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.strand.Context;
import dev.strand.Strand;
import dev.strand.annotation.Body;
import dev.strand.annotation.Get;
import dev.strand.annotation.Header;
import dev.strand.annotation.PathParam;
import dev.strand.annotation.Post;
import dev.strand.annotation.QueryParam;
import dev.strand.test.StrandExtension;
import dev.strand.test.TestClient;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class BindingTest {

    public enum Color { RED, GREEN }

    public record Order(String item, int quantity, List<String> tags) {}

    public static final class Api {
        @Get("/typed/{id}/{uuid}/{flag}/{color}")
        public Map<String, Object> typed(@PathParam("id") long id, @PathParam UUID uuid, @PathParam boolean flag,
                                         @PathParam Color color) {
            return Map.of("id", id + 1, "uuid", uuid.toString(), "flag", !flag, "color", color.name());
        }

        @Get("/query")
        public String query(@QueryParam("n") int n, @QueryParam(value = "size", defaultValue = "10") int size,
                            @QueryParam("name") String name, @Header("X-Trace") String trace) {
            return n + "/" + size + "/" + name + "/" + trace;
        }

        @Post("/orders")
        public Order order(@Body Order order) {
            return new Order(order.item().toUpperCase(), order.quantity() * 2, order.tags());
        }

        @Post("/raw")
        public byte[] raw(@Body byte[] body) {
            return body;
        }

        @Post("/text")
        public String text(@Body String body) {
            return body.length() + ":" + body;
        }

        @Get("/nothing")
        public void nothing() {
        }

        @Get("/created")
        public void created(Context ctx) {
            ctx.setResponseStatus(201);
        }

        @Get("/null")
        public Order none() {
            return null;
        }

        @Get("/context")
        public void context(Context ctx) {
            ctx.setResponseHeader("X-Seen", ctx.header("X-In"))
                    .setResponseBody(Map.of(
                            "method", ctx.method(),
                            "path", ctx.path(),
                            "tags", ctx.queryParams("tag"),
                            "cookie", String.valueOf(ctx.cookie("session")),
                            "remote", ctx.remoteAddress(),
                            "query", ctx.queryParamMap().keySet()))
                    .send();
        }
    }

    @RegisterExtension
    static final StrandExtension app = new StrandExtension(() -> Strand.builder().controllers(new Api()));

    @Test
    void convertsPathParameters(TestClient client) {
        var uuid = UUID.randomUUID();
        var json = client.get("/typed/41/" + uuid + "/false/green").json();
        assertEquals(42, json.get("id").asLong());
        assertEquals(uuid.toString(), json.get("uuid").asText());
        assertEquals(true, json.get("flag").asBoolean());
        assertEquals("GREEN", json.get("color").asText());
    }

    @Test
    void aValueThatDoesNotConvertIs400NamingTheParameter(TestClient client) {
        assertEquals("path parameter 'id' must be an integer, got 'abc'",
                client.get("/typed/abc/" + UUID.randomUUID() + "/true/RED").body().strip());
        assertEquals("path parameter 'uuid' must be a UUID, got 'nope'", client.get("/typed/1/nope/true/RED").body().strip());
        assertEquals("path parameter 'flag' must be true or false, got 'yes'",
                client.get("/typed/1/" + UUID.randomUUID() + "/yes/RED").body().strip());
        var color = client.get("/typed/1/" + UUID.randomUUID() + "/true/blue");
        assertEquals(400, color.status());
        assertEquals("path parameter 'color' must be one of RED, GREEN, got 'blue'", color.body().strip());
    }

    @Test
    void a400RepeatsOnlyTheStartOfAHugeValue(TestClient client) {
        var huge = "x".repeat(1000);
        var refused = client.get("/typed/" + huge + "/" + UUID.randomUUID() + "/true/RED");
        assertEquals(400, refused.status());
        assertEquals("path parameter 'id' must be an integer, got '" + "x".repeat(64) + "…' (1000 characters)", refused.body().strip());
    }

    @Test
    void bindsQueryParametersAndHeadersWithDefaults(TestClient client) {
        assertEquals("3/10/null/null", client.get("/query?n=3").body());
        assertEquals("3/5/ada/t1", client.get("/query?n=3&size=5&name=ada", "X-Trace", "t1").body());
        var missing = client.get("/query");
        assertEquals(400, missing.status());
        assertEquals("missing query parameter 'n'", missing.body().strip());
    }

    @Test
    void decodesAndEncodesJsonBodies(TestClient client) {
        var r = client.postJson("/orders", new Order("tea", 2, List.of("hot")));
        assertEquals(200, r.status());
        assertEquals("application/json", r.header("Content-Type"));
        assertEquals(new Order("TEA", 4, List.of("hot")), r.json(Order.class));
    }

    @Test
    void badJsonIs400SayingWhatAndWhere(TestClient client) {
        var malformed = client.post("/orders", "{\"item\": \"tea\", ", "Content-Type", "application/json");
        assertEquals(400, malformed.status());
        assertEquals(true, malformed.body().startsWith("Malformed JSON"), malformed.body());
        assertEquals(true, malformed.body().contains("line 1, column"), malformed.body());

        var wrongType = client.post("/orders", "{\"item\":\"tea\",\"quantity\":\"lots\"}", "Accept", "application/json");
        assertEquals(400, wrongType.status());
        assertEquals("JSON value \"lots\" at $.quantity is not an integer (line 1, column 26)",
                wrongType.json().get("error").asText());

        var empty = client.post("/orders", "");
        assertEquals("Request body is empty; expected JSON", empty.body().strip());

        var jsonNull = client.post("/orders", "null");
        assertEquals(400, jsonNull.status());
        assertEquals("Request body is JSON null; expected a value", jsonNull.body().strip());
    }

    @Test
    void aJsonBodyDeclaredAsSomethingElseIs415NamingWhatTheRouteReads(TestClient client) {
        var order = "{\"item\":\"tea\",\"quantity\":1}";
        // What curl -d sends when no -H 'Content-Type: ...' is given.
        var form = client.post("/orders", order, "Content-Type", "application/x-www-form-urlencoded");
        assertEquals(415, form.status());
        assertEquals("application/json", form.header("Accept"));
        assertEquals("Content-Type application/x-www-form-urlencoded is not accepted here: this route reads a JSON body;"
                + " send it with Content-Type: application/json (or a +json type)", form.body().strip());
        assertEquals(415, client.post("/orders", order, "Content-Type", "text/plain;charset=UTF-8").status());

        for (var json : List.of("application/json", "Application/JSON; charset=utf-8", "application/merge-patch+json")) {
            assertEquals(200, client.post("/orders", order, "Content-Type", json).status(), json);
        }
        assertEquals(200, client.post("/orders", order).status(), "no Content-Type at all: read as JSON");
        // Text and bytes take whatever comes.
        assertEquals("2:a=", client.post("/text", "a=", "Content-Type", "application/x-www-form-urlencoded").body());
        assertEquals(200, client.request("POST", "/raw", new byte[] {1}, "Content-Type", "image/png").status());
    }

    @Test
    void returnValuesPickTheirContentType(TestClient client) {
        var bytes = client.request("POST", "/raw", new byte[] {1, 2, 3});
        assertEquals("application/octet-stream", bytes.header("Content-Type"));
        assertArrayEquals(new byte[] {1, 2, 3}, bytes.bytes());

        var text = client.post("/text", "héllo");
        assertEquals("text/plain; charset=utf-8", text.header("Content-Type"));
        assertEquals("5:héllo", text.body());
    }

    @Test
    void voidWithNothingSentIs204(TestClient client) {
        assertEquals(204, client.get("/nothing").status());
        assertEquals(204, client.get("/null").status());
        var created = client.get("/created");
        assertEquals(201, created.status());
        assertEquals("0", created.header("Content-Length"));
    }

    @Test
    void contextReadsTheWholeRequest(TestClient client) {
        var r = client.get("/context?tag=a&tag=b&x=1", "X-In", "hi", "Cookie", "session=s1; other=2");
        assertEquals("hi", r.header("X-Seen"));
        var json = r.json();
        assertEquals("GET", json.get("method").asText());
        assertEquals("/context", json.get("path").asText());
        assertEquals("[\"a\",\"b\"]", json.get("tags").toString());
        assertEquals("s1", json.get("cookie").asText());
        assertEquals("127.0.0.1", json.get("remote").asText());
        assertEquals("[\"tag\",\"x\"]", json.get("query").toString());
    }
}
