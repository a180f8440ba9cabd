package dev.strand.internal.apidoc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Java types to JSON Schema, as the mapper writes them. */
class JsonSchemasTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    public enum Color { RED, GREEN }

    public record Point(int x, int y) {}

    public record Shape(String name, Color color, List<Point> points, Map<String, Double> weights, Optional<String> label,
                        Set<UUID> owners, byte[] thumbnail, long[] stamps, @JsonProperty(value = "kind", required = true) String type) {}

    /** A tree: each node holds its children, which are nodes. */
    public record Node(String name, List<Node> children, Node parent) {}

    /** Two records that refer to each other. */
    public record Ping(Pong next) {}

    public record Pong(Ping next) {}

    public sealed interface Event permits Joined, Left {}

    public record Joined(String user) implements Event {}

    public record Left(String user) implements Event {}

    private final JsonSchemas schemas = new JsonSchemas(MAPPER, "#/components/schemas/");

    @Test
    void simpleTypesAreInline() {
        assertEquals("{\"type\":\"string\"}", schemas.schema(String.class).toString());
        assertEquals("{\"type\":\"integer\",\"format\":\"int32\"}", schemas.schema(int.class).toString());
        assertEquals("{\"type\":\"integer\",\"format\":\"int64\"}", schemas.schema(Long.class).toString());
        assertEquals("{\"type\":\"boolean\"}", schemas.schema(boolean.class).toString());
        assertEquals("{\"type\":\"number\",\"format\":\"double\"}", schemas.schema(double.class).toString());
        assertEquals("{\"type\":\"string\",\"format\":\"uuid\"}", schemas.schema(UUID.class).toString());
        assertEquals("{}", schemas.schema(JsonNode.class).toString());
        assertTrue(schemas.components().isEmpty());
    }

    @Test
    void timeTypesFollowTheMappersTimestampSetting() {
        // Jackson's default writes dates as timestamps; a mapper set to ISO text gets date-time strings.
        assertEquals("{\"type\":\"number\"}", schemas.schema(Instant.class).toString());
        var iso = new JsonSchemas(new ObjectMapper().disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS), "#/");
        assertEquals("{\"type\":\"string\",\"format\":\"date-time\"}", iso.schema(Instant.class).toString());
    }

    @Test
    void aRecordBecomesAComponentWithEachPropertyTyped() {
        assertEquals("{\"$ref\":\"#/components/schemas/JsonSchemasTest.Shape\"}", schemas.schema(Shape.class).toString());
        var shape = schemas.components().get("JsonSchemasTest.Shape");
        var p = shape.get("properties");
        // Jackson writes null properties by default, so a reference-typed one may be null.
        assertEquals("[\"string\",\"null\"]", p.at("/name/type").toString());
        assertEquals("#/components/schemas/JsonSchemasTest.Color", p.at("/color/anyOf/0/$ref").asText());
        assertEquals("null", p.at("/color/anyOf/1/type").asText());
        assertEquals("#/components/schemas/JsonSchemasTest.Point", p.at("/points/items/$ref").asText());
        assertEquals("number", p.at("/weights/additionalProperties/type").asText());
        assertEquals("[\"object\",\"null\"]", p.at("/weights/type").toString());
        assertEquals("[\"string\",\"null\"]", p.at("/label/type").toString(), "an Optional may be null");
        assertTrue(p.at("/owners/uniqueItems").asBoolean());
        assertEquals("uuid", p.at("/owners/items/format").asText());
        assertEquals("base64", p.at("/thumbnail/contentEncoding").asText());
        assertEquals("integer", p.at("/stamps/items/type").asText());
        assertTrue(p.has("kind"), "the JSON name, not the Java one: " + p);
        assertFalse(p.has("type"));
        assertEquals(List.of("kind"), names(shape.get("required")));
    }

    @Test
    void withNonNullInclusionPropertiesAreNotNullable() {
        var nonNull = new JsonSchemas(new ObjectMapper().setSerializationInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL), "#/");
        nonNull.schema(Node.class);
        assertEquals("{\"type\":\"string\"}", nonNull.components().get("JsonSchemasTest.Node").at("/properties/name").toString());
    }

    @Test
    void primitivePropertiesAreRequired() {
        schemas.schema(Point.class);
        assertEquals(List.of("x", "y"), names(schemas.components().get("JsonSchemasTest.Point").get("required")));
    }

    @Test
    void anEnumListsItsJsonValues() {
        schemas.schema(Color.class);
        assertEquals("{\"type\":\"string\",\"enum\":[\"RED\",\"GREEN\"]}", schemas.components().get("JsonSchemasTest.Color").toString());
    }

    @Test
    void aRecordThatContainsItselfEndsInAReference() {
        schemas.schema(Node.class);
        var node = schemas.components().get("JsonSchemasTest.Node");
        assertEquals("#/components/schemas/JsonSchemasTest.Node", node.at("/properties/children/items/$ref").asText());
        assertEquals("#/components/schemas/JsonSchemasTest.Node", node.at("/properties/parent/anyOf/0/$ref").asText());
        assertEquals(1, schemas.components().size());
    }

    @Test
    void recordsThatReferToEachOtherAreDescribedOnceEach() {
        schemas.schema(Ping.class);
        assertEquals("#/components/schemas/JsonSchemasTest.Pong", schemas.components().get("JsonSchemasTest.Ping").at("/properties/next/anyOf/0/$ref").asText());
        assertEquals("#/components/schemas/JsonSchemasTest.Ping", schemas.components().get("JsonSchemasTest.Pong").at("/properties/next/anyOf/0/$ref").asText());
        assertEquals(2, schemas.components().size());
    }

    @Test
    void aSealedInterfaceIsAnyOfItsPermittedTypes() {
        schemas.schema(Event.class);
        var event = schemas.components().get("JsonSchemasTest.Event");
        assertEquals("#/components/schemas/JsonSchemasTest.Joined", event.at("/anyOf/0/$ref").asText());
        assertEquals("#/components/schemas/JsonSchemasTest.Left", event.at("/anyOf/1/$ref").asText());
    }

    @Test
    void genericTypesAreResolved() {
        ObjectNode list = schemas.schema(new TypeReference<List<Map<String, Point>>>() {}.getType());
        assertEquals("#/components/schemas/JsonSchemasTest.Point", list.at("/items/additionalProperties/$ref").asText());
    }

    @Test
    void parameterDefaultsBecomeTypedJson() {
        assertEquals("10", schemas.parameterValue(int.class, "10").toString());
        assertEquals("true", schemas.parameterValue(boolean.class, "TRUE").toString());
        assertEquals("\"GREEN\"", schemas.parameterValue(Color.class, "green").toString());
        assertEquals("\"10\"", schemas.parameterValue(String.class, "10").toString());
    }

    private static List<String> names(JsonNode array) {
        var names = new java.util.ArrayList<String>();
        array.forEach(n -> names.add(n.asText()));
        return names;
    }
}
