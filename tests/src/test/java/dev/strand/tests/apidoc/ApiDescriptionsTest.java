package dev.strand.tests.apidoc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strand.Context;
import dev.strand.HttpException;
import dev.strand.Strand;
import dev.strand.annotation.ApiResponse;
import dev.strand.annotation.Body;
import dev.strand.annotation.Doc;
import dev.strand.annotation.FormParam;
import dev.strand.annotation.Get;
import dev.strand.annotation.Header;
import dev.strand.annotation.PathParam;
import dev.strand.annotation.Post;
import dev.strand.annotation.QueryParam;
import dev.strand.annotation.Receives;
import dev.strand.annotation.Sends;
import dev.strand.annotation.Sse;
import dev.strand.annotation.Ws;
import dev.strand.config.ApiDocs;
import dev.strand.sse.SseEvent;
import dev.strand.test.StrandExtension;
import dev.strand.test.StrandTest;
import dev.strand.test.TestClient;
import dev.strand.websocket.WsMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The OpenAPI and AsyncAPI documents of a small app with every kind of route, fetched over a
 * real socket and judged by swagger-parser, the official AsyncAPI 3.0 schema, and the app's own
 * answers.
 */
class ApiDescriptionsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    public enum Color { RED, GREEN }

    /** An item; {@code parent} makes the type refer to itself. */
    public record Item(long id, String name, Color color, List<String> tags, Map<String, Integer> stock, Item parent) {}

    public record NewItem(String name, Color color) {}

    public sealed interface RoomEvent {}

    public record Said(String user, String text) implements RoomEvent {}

    public record Joined(String user, int count) implements RoomEvent {}

    public record Price(Color symbol, double price) {}

    @Doc(tags = "items", description = "What the shop sells")
    public static final class Items {
        @Get("/items/{id}")
        @Doc(summary = "One item", description = "The item with its parent.", example = "{\"id\":7,\"name\":\"lamp\"}")
        @ApiResponse(status = 404, description = "no item of that id")
        public Item item(@PathParam long id) {
            if (id == 0) throw new HttpException(404, "no item 0");
            return new Item(id, "lamp", Color.RED, List.of("light"), Map.of("north", 3), new Item(1, "root", Color.GREEN, List.of(), Map.of(), null));
        }

        @Get("/items")
        public List<Item> list(@QueryParam(value = "limit", defaultValue = "10") int limit, @QueryParam Color color,
                               @QueryParam("page") int page, @Header("X-Trace") String trace) {
            var items = new ArrayList<Item>();
            for (int i = 0; i < Math.min(limit, 3); i++) items.add(new Item(i, "item" + i, color, List.of(), Map.of(), null));
            return items;
        }

        @Post("/items")
        @ApiResponse(status = 201, description = "the item as stored")
        @ApiResponse(status = 409, description = "an item of that name exists")
        public Item create(Context ctx, @Body NewItem item) {
            ctx.setResponseStatus(201);
            return new Item(42, item.name(), item.color(), List.of(), Map.of(), null);
        }

        @Post("/items/{id}/rating")
        public String rate(@PathParam long id, @FormParam("stars") int stars,
                           @FormParam(value = "comment", defaultValue = "") String comment) {
            return id + ":" + stars + ":" + comment;
        }

        @Get("/files/{path...}")
        public String file(@PathParam String path) {
            return path;
        }

        @Get("/codes/{code:[A-Z]{3}}")
        public void code(Context ctx) {
            ctx.setResponseBody(ctx.pathParam("code")).send();
        }
    }

    public static final class Live {
        @Ws("/ws/rooms/{room}")
        @Doc(summary = "A chat room", tags = "chat")
        @Receives(value = String.class, description = "a line to say")
        @Sends(RoomEvent.class)
        public void room(Context ctx, @PathParam String room, @QueryParam("name") String name,
                         @QueryParam(value = "history", defaultValue = "0") int history) {
            for (WsMessage m; (m = ctx.receive()) != null; ) {
                if (m instanceof WsMessage.Text(var text)) ctx.sendJson(new Said(name, text));
            }
        }

        @Sse("/sse/prices/{symbol}")
        @Sends(value = Price.class, event = "price", description = "the latest price")
        @Sends(value = String.class, event = "closed")
        public void prices(Context ctx, @PathParam Color symbol) {
            ctx.sendEvent(SseEvent.data(new Price(symbol, 1.5)).event("price"));
        }
    }

    @RegisterExtension
    static final StrandExtension app = new StrandExtension(() -> Strand.builder().controllers(new Items(), new Live())
            .configure(c -> c.apiDocs(ApiDocs.ON.withInfo("Shop", "2.0.0"))));

    private static JsonNode openApi(TestClient client) {
        var response = client.get("/openapi.json");
        assertEquals(200, response.status(), response.body());
        assertTrue(response.header("Content-Type").startsWith("application/json"));
        return response.json();
    }

    @Test
    void theDocumentsAreOffUnlessTurnedOn() throws Exception {
        StrandTest.run(Strand.builder().controllers(new Items()), (server, client) -> {
            assertEquals(404, client.get("/openapi.json").status());
            assertEquals(404, client.get("/asyncapi.json").status());
            assertEquals(404, client.get("/swagger-ui").status());
        });
    }

    @Test
    void swaggerParserReadsTheOpenApiDocumentWithoutAMessage(TestClient client) {
        var body = client.get("/openapi.json").body();
        assertEquals(List.of(), ApiValidation.openApiMessages(body));
        var doc = openApi(client);
        assertEquals("3.1.0", doc.get("openapi").asText());
        assertEquals("Shop", doc.at("/info/title").asText());
        assertEquals("2.0.0", doc.at("/info/version").asText());
        assertEquals(client.base().toString().replaceAll("/$", ""), doc.at("/servers/0/url").asText());
    }

    @Test
    void pathParametersAreTypedAndRegexAndRestSegmentsSaySo(TestClient client) {
        var paths = openApi(client).get("paths");
        var id = paths.at("/~1items~1{id}/get/parameters/0");
        assertEquals("id", id.get("name").asText());
        assertEquals("path", id.get("in").asText());
        assertTrue(id.get("required").asBoolean());
        assertEquals("integer", id.at("/schema/type").asText());
        assertEquals("int64", id.at("/schema/format").asText());
        assertEquals("^(?:[A-Z]{3})$", paths.at("/~1codes~1{code}/get/parameters/0/schema/pattern").asText());
        assertEquals("string", paths.at("/~1codes~1{code}/get/parameters/0/schema/type").asText(), "a Context handler's parameter is text");
        assertTrue(paths.at("/~1files~1{path}/get/parameters/0/description").asText().contains("'/'"));
    }

    @Test
    void queryAndHeaderParametersCarryDefaultsAndRequiredness(TestClient client) {
        var parameters = openApi(client).at("/paths/~1items/get/parameters");
        var byName = new java.util.HashMap<String, JsonNode>();
        parameters.forEach(p -> byName.put(p.get("name").asText(), p));
        assertEquals(10, byName.get("limit").at("/schema/default").asInt());
        assertFalse(byName.get("limit").path("required").asBoolean(), "a default makes it optional");
        assertTrue(byName.get("page").path("required").asBoolean(), "a primitive without a default is required");
        assertFalse(byName.get("color").path("required").asBoolean());
        assertEquals("#/components/schemas/ApiDescriptionsTest.Color", byName.get("color").at("/schema/$ref").asText());
        assertEquals("header", byName.get("X-Trace").get("in").asText());
    }

    @Test
    void bodiesStatusesAndDocsComeFromTypesAndAnnotations(TestClient client) {
        var doc = openApi(client);
        var create = doc.at("/paths/~1items/post");
        assertEquals("#/components/schemas/ApiDescriptionsTest.NewItem",
                create.at("/requestBody/content/application~1json/schema/$ref").asText());
        assertTrue(create.at("/requestBody/required").asBoolean());
        assertEquals("#/components/schemas/ApiDescriptionsTest.Item",
                create.at("/responses/201/content/application~1json/schema/$ref").asText());
        assertTrue(create.at("/responses/200").isMissingNode(), "a declared 2xx replaces the default 200");
        assertEquals("#/components/schemas/StrandError", create.at("/responses/409/content/application~1json/schema/$ref").asText());
        assertEquals("#/components/schemas/StrandError", create.at("/responses/400/content/application~1json/schema/$ref").asText());

        var form = doc.at("/paths/~1items~1{id}~1rating/post/requestBody/content/application~1x-www-form-urlencoded/schema");
        assertEquals("integer", form.at("/properties/stars/type").asText());
        assertEquals("", form.at("/properties/comment/default").asText());
        assertEquals("[\"stars\"]", form.get("required").toString(), "a primitive without a default is required");

        var item = doc.at("/paths/~1items~1{id}/get");
        assertEquals("One item", item.get("summary").asText());
        assertEquals("The item with its parent.", item.get("description").asText());
        assertEquals("items", item.at("/tags/0").asText());
        assertEquals("no item of that id", item.at("/responses/404/description").asText());
        assertEquals("lamp", item.at("/responses/200/content/application~1json/example/name").asText());
        assertEquals("What the shop sells", doc.at("/tags/0/description").asText());
        assertEquals("text/plain", doc.at("/paths/~1files~1{path}/get/responses/200/content").fieldNames().next());

        var itemSchema = doc.at("/components/schemas/ApiDescriptionsTest.Item");
        assertEquals("#/components/schemas/ApiDescriptionsTest.Item", itemSchema.at("/properties/parent/anyOf/0/$ref").asText());
        assertEquals("integer", itemSchema.at("/properties/stock/additionalProperties/type").asText());
        assertEquals("[\"RED\",\"GREEN\"]", doc.at("/components/schemas/ApiDescriptionsTest.Color/enum").toString());
    }

    @Test
    void theDocumentsDescribeNeitherThemselvesNorTheClientScriptNorTheStreams(TestClient client) {
        var paths = openApi(client).get("paths");
        var names = new ArrayList<String>();
        paths.fieldNames().forEachRemaining(names::add);
        assertEquals(List.of("/codes/{code}", "/files/{path}", "/items", "/items/{id}", "/items/{id}/rating"), names);
        var channels = new ArrayList<String>();
        client.get("/asyncapi.json").json().get("channels").forEach(c -> channels.add(c.get("address").asText()));
        assertEquals(List.of("/sse/prices/{symbol}", "/ws/rooms/{room}"), channels);
    }

    @Test
    void realAnswersMatchTheSchemasTheirRoutesDeclare(TestClient client) throws Exception {
        var doc = openApi(client);
        assertEquals(List.of(), ApiValidation.answerErrors(doc, "GET", "/items/{id}", 200, client.get("/items/7").body()));
        assertEquals(List.of(), ApiValidation.answerErrors(doc, "GET", "/items", 200, client.get("/items?color=GREEN&page=1").body()));
        var created = client.postJson("/items", Map.of("name", "desk", "color", "GREEN"));
        assertEquals(201, created.status());
        assertEquals(List.of(), ApiValidation.answerErrors(doc, "POST", "/items", 201, created.body()));
        var missing = client.get("/items/0", "Accept", "application/json");
        assertEquals(404, missing.status());
        assertEquals(List.of(), ApiValidation.answerErrors(doc, "GET", "/items/{id}", 404, missing.body()));
        // The check has teeth: an answer of another shape fails it.
        assertFalse(ApiValidation.answerErrors(doc, "GET", "/items/{id}", 200, "{\"id\":\"seven\"}").isEmpty());
    }

    @Test
    void theAsyncApiDocumentConformsToTheAsyncApiSchema(TestClient client) {
        var body = client.get("/asyncapi.json").body();
        assertEquals(List.of(), ApiValidation.asyncApiErrors(body));
        // The check has teeth: a channel without its address is refused.
        assertFalse(ApiValidation.asyncApiErrors(body.replace("\"address\"", "\"adress\"")).isEmpty());
    }

    @Test
    void aWebSocketChannelHasItsParametersMessagesAndOperations(TestClient client) throws Exception {
        var doc = client.get("/asyncapi.json").json();
        assertEquals("3.0.0", doc.get("asyncapi").asText());
        var host = client.base().getRawAuthority();
        assertEquals(host, doc.at("/servers/ws/host").asText());
        assertEquals("ws", doc.at("/servers/ws/protocol").asText());
        assertEquals("http", doc.at("/servers/http/protocol").asText());

        var room = doc.at("/channels/Live.room");
        assertEquals("/ws/rooms/{room}", room.get("address").asText());
        assertEquals("A chat room", room.get("summary").asText());
        assertEquals("#/servers/ws", room.at("/servers/0/$ref").asText());
        assertTrue(room.at("/parameters/room/description").asText().contains("text"));
        assertEquals("integer", room.at("/bindings/ws/query/properties/history/type").asText());
        assertEquals(0, room.at("/bindings/ws/query/properties/history/default").asInt());
        assertEquals("text/plain", room.at("/messages/text/contentType").asText());
        assertEquals("a line to say", room.at("/messages/text/description").asText());
        assertEquals("#/components/schemas/ApiDescriptionsTest.RoomEvent", room.at("/messages/ApiDescriptionsTest.RoomEvent/payload/$ref").asText());
        assertEquals(2, doc.at("/components/schemas/ApiDescriptionsTest.RoomEvent/anyOf").size());

        var send = doc.at("/operations/Live.room.send");
        assertEquals("send", send.get("action").asText());
        assertEquals("#/channels/Live.room", send.at("/channel/$ref").asText());
        assertEquals("#/channels/Live.room/messages/ApiDescriptionsTest.RoomEvent", send.at("/messages/0/$ref").asText());
        assertEquals("chat", send.at("/tags/0/name").asText());
        assertEquals("receive", doc.at("/operations/Live.room.receive/action").asText());
        assertEquals("#/channels/Live.room/messages/text", doc.at("/operations/Live.room.receive/messages/0/$ref").asText());

        // What the document says is what the socket does.
        try (var ws = client.ws("/ws/rooms/lobby?name=ada")) {
            ws.send("hi");
            var said = JSON.readTree(ws.receiveText());
            assertEquals("ada", said.get("user").asText());
            assertEquals("hi", said.get("text").asText());
        }
    }

    @Test
    void anSseChannelNamesItsEventsAndSendsOnly(TestClient client) throws Exception {
        var doc = client.get("/asyncapi.json").json();
        var prices = doc.at("/channels/Live.prices");
        assertEquals("#/servers/http", prices.at("/servers/0/$ref").asText());
        assertEquals("[\"RED\",\"GREEN\"]", prices.at("/parameters/symbol/enum").toString());
        assertEquals("price", prices.at("/messages/price/name").asText());
        assertEquals("the latest price", prices.at("/messages/price/description").asText());
        assertEquals("closed", prices.at("/messages/closed/name").asText());
        assertEquals("GET", doc.at("/operations/Live.prices.send/bindings/http/method").asText());
        assertTrue(doc.at("/operations/Live.prices.receive").isMissingNode());
        try (var sse = client.sse("/sse/prices/RED")) {
            var event = sse.next();
            assertEquals("price", event.event());
            assertEquals("RED", JSON.readTree(event.data()).get("symbol").asText());
        }
    }

    @Test
    void theSwaggerUiPageShowsTheOpenApiDocument(TestClient client) {
        var page = client.get("/swagger-ui");
        assertEquals(200, page.status());
        assertTrue(page.header("Content-Type").startsWith("text/html"));
        assertTrue(page.body().contains("url: \"/openapi.json\""), page.body());
        var bundle = client.get("/swagger-ui/swagger-ui-bundle.js");
        assertEquals(200, bundle.status());
        assertTrue(bundle.header("Content-Type").startsWith("text/javascript"));
        assertTrue(bundle.bytes().length > 100_000);
        assertEquals(404, client.get("/swagger-ui/.hidden.js").status());
        assertEquals(404, client.get("/swagger-ui/index.txt").status());
        assertEquals(404, client.get("/swagger-ui/nothing.js").status());
    }

    @Test
    void thePathsAndTheServerUrlAreConfigurable() throws Exception {
        var docs = ApiDocs.ON.withPaths("/api/openapi", "/api/asyncapi", "").withServerUrl("https://shop.example.com");
        StrandTest.run(Strand.builder().controllers(new Items(), new Live()).configure(c -> c.apiDocs(docs)), (server, client) -> {
            assertEquals(404, client.get("/openapi.json").status());
            assertEquals(404, client.get("/swagger-ui").status());
            assertEquals("https://shop.example.com", client.get("/api/openapi").json().at("/servers/0/url").asText());
            var async = client.get("/api/asyncapi").json();
            assertEquals("shop.example.com", async.at("/servers/ws/host").asText());
            assertEquals("wss", async.at("/servers/ws/protocol").asText());
            assertEquals("https", async.at("/servers/http/protocol").asText());
        });
    }

    @Test
    void theDocumentsCanBeWrittenWithoutStartingTheServer(@TempDir Path dir, TestClient client) throws Exception {
        var files = Strand.builder().controllers(new Items(), new Live()).port(8080)
                .configure(c -> c.apiDocs(ApiDocs.DEFAULT.withInfo("Shop", "2.0.0")))
                .writeApiDescriptions(dir.resolve("api"));
        assertEquals(List.of(dir.resolve("api/openapi.json"), dir.resolve("api/asyncapi.json")), files);
        var written = JSON.readTree(Files.readString(files.get(0)));
        assertEquals("http://localhost:8080", written.at("/servers/0/url").asText());
        var served = openApi(client);
        ((com.fasterxml.jackson.databind.node.ObjectNode) written).remove("servers");
        ((com.fasterxml.jackson.databind.node.ObjectNode) served).remove("servers");
        assertEquals(served, written);
        assertEquals(List.of(), ApiValidation.asyncApiErrors(Files.readString(files.get(1))));
    }

    public static final class BadExample {
        @Get("/bad")
        @Doc(example = "{not json")
        public String bad() {
            return "";
        }
    }

    public static final class SendsOnHttp {
        @Get("/plain")
        @Sends(String.class)
        public String plain() {
            return "";
        }
    }

    @Test
    void messagesDeclaredOnAnHttpRouteStopTheStart() {
        var e = assertThrows(IllegalStateException.class,
                () -> Strand.builder().controllers(new SendsOnHttp()).configure(c -> c.apiDocs(ApiDocs.ON)).port(0).start());
        assertTrue(e.getMessage().startsWith("SendsOnHttp.plain (GET /plain): @Sends and @Receives describe @Ws and @Sse routes"), e.getMessage());
    }

    @Test
    void anExampleThatIsNotJsonStopsTheStartNamingTheRoute() {
        var e = assertThrows(IllegalStateException.class,
                () -> Strand.builder().controllers(new BadExample()).configure(c -> c.apiDocs(ApiDocs.ON)).port(0).start());
        assertTrue(e.getMessage().startsWith("BadExample.bad (GET /bad): @Doc(example) is not JSON"), e.getMessage());
    }
}
