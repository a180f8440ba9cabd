package dev.strand.tests.forms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strand.Context;
import dev.strand.Strand;
import dev.strand.annotation.FormParam;
import dev.strand.annotation.Post;
import dev.strand.test.StrandExtension;
import dev.strand.test.TestClient;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** URL-encoded forms over real sockets: reading fields, binding them, and the bad bodies a client can send. */
class FormTest {
    private static final String FORM = "Content-Type";
    private static final String URLENCODED = "application/x-www-form-urlencoded";

    public enum Size { SMALL, LARGE }

    public static final class Forms {
        @Post("/fields")
        public Map<String, Object> fields(Context ctx) {
            return Map.of("name", String.valueOf(ctx.formParam("name")), "tags", ctx.formParams("tag"),
                    "all", ctx.formParamMap().keySet());
        }

        @Post("/order")
        public String order(@FormParam String item, @FormParam("qty") int quantity,
                            @FormParam(value = "size", defaultValue = "SMALL") Size size, @FormParam("note") String note) {
            return item + "/" + quantity + "/" + size + "/" + note;
        }
    }

    @RegisterExtension
    static final StrandExtension app = new StrandExtension(() -> Strand.builder().controllers(new Forms())
            .configure(c -> c.forms(dev.strand.config.FormConfig.DEFAULT.withMaxFields(5))));

    @Test
    void readsFieldsPercentDecodedInRequestOrder(TestClient client) {
        var json = client.post("/fields", "name=Ada+Lovelace&tag=a&tag=b%26c&empty=", FORM, URLENCODED).json();
        assertEquals("Ada Lovelace", json.get("name").asText());
        assertEquals(List.of("a", "b&c"), List.of(json.get("tags").get(0).asText(), json.get("tags").get(1).asText()));
        assertEquals("[\"name\",\"tag\",\"empty\"]", json.get("all").toString());
    }

    @Test
    void readsUtf8AndTheCharsetTheContentTypeNames(TestClient client) {
        assertEquals("Zoë", client.post("/fields", "name=Zo%C3%AB", FORM, URLENCODED).json().get("name").asText());
        assertEquals("Zoë", client.post("/fields", "name=Zo%EB", FORM, URLENCODED + "; charset=ISO-8859-1").json()
                .get("name").asText());
    }

    @Test
    void bindsAndConvertsFormParamsLikeQueryParams(TestClient client) {
        assertEquals("tea/2/SMALL/null", client.post("/order", "item=tea&qty=2", FORM, URLENCODED).body());
        assertEquals("tea/3/LARGE/hot", client.post("/order", "item=tea&qty=3&size=LARGE&note=hot", FORM, URLENCODED).body());
        var bad = client.post("/order", "item=tea&qty=many", FORM, URLENCODED);
        assertEquals(400, bad.status());
        assertEquals("form field 'qty' must be an integer, got 'many'", bad.body().strip());
        var missing = client.post("/order", "item=tea", FORM, URLENCODED);
        assertEquals(400, missing.status());
        assertEquals("missing form field 'qty'", missing.body().strip());
    }

    @Test
    void aBadPercentEscapeIs400NamingTheField(TestClient client) {
        var bad = client.post("/fields", "name=ok&city=Z%ZZrich", FORM, URLENCODED);
        assertEquals(400, bad.status());
        assertTrue(bad.body().startsWith("Malformed form field 'city'"), bad.body());
    }

    @Test
    void tooManyFieldsIs413(TestClient client) {
        var many = client.post("/fields", "a=1&a=2&c=3&d=4&e=5&a=6", FORM, URLENCODED);
        assertEquals(413, many.status());
        assertEquals("Form has more than 5 fields, the limit", many.body().strip());
    }

    @Test
    void anotherContentTypeIs415SayingWhatTheRouteReads(TestClient client) {
        var json = client.post("/fields", "{\"name\":\"x\"}", FORM, "application/json");
        assertEquals(415, json.status());
        assertEquals("This route reads form fields from application/x-www-form-urlencoded or multipart/form-data; "
                + "the request sent Content-Type application/json", json.body().strip());
        var none = client.post("/fields", "name=x");
        assertEquals(415, none.status());
    }

    @Test
    void noBodyIsAnEmptyForm(TestClient client) {
        assertEquals("null", client.request("POST", "/fields", new byte[0]).json().get("name").asText());
    }
}
