package dev.strand.tests.apidoc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Checks API descriptions with independent tools: swagger-parser reads OpenAPI 3.1, the official
 * AsyncAPI 3.0 JSON Schema (vendored in test resources) judges AsyncAPI documents, and a JSON
 * Schema validator judges real answers against the schema their route declares.
 */
final class ApiValidation {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Schema ASYNCAPI = asyncApiSchema();

    private ApiValidation() {
    }

    /** swagger-parser's messages about an OpenAPI document; empty when it reads it cleanly. */
    static List<String> openApiMessages(String document) {
        var options = new ParseOptions();
        options.setResolve(true);
        var result = new OpenAPIV3Parser().readContents(document, null, options);
        if (result.getOpenAPI() == null) return List.of("swagger-parser read no document", String.valueOf(result.getMessages()));
        return result.getMessages() == null ? List.of() : result.getMessages();
    }

    /** Where an AsyncAPI document breaks the AsyncAPI 3.0 schema; empty when it conforms. */
    static List<String> asyncApiErrors(String document) {
        return ASYNCAPI.validate(document, InputFormat.JSON).stream().map(Object::toString).toList();
    }

    /**
     * Where {@code body} breaks the schema the OpenAPI document gives for the response with
     * {@code status} of {@code method path}; empty when it conforms.
     *
     * @throws AssertionError when the document has no JSON schema for that response
     */
    static List<String> answerErrors(JsonNode openApi, String method, String path, int status, String body) {
        var response = openApi.path("paths").path(path).path(method.toLowerCase()).path("responses").path(Integer.toString(status));
        var schema = response.at("/content/application~1json/schema");
        if (schema.isMissingNode()) throw new AssertionError("no JSON schema for " + status + " of " + method + " " + path + ": " + response);
        return schemaErrors(openApi, schema, body);
    }

    /**
     * Where {@code body} breaks the payload schema the AsyncAPI document gives for message
     * {@code message} of channel {@code channel}; empty when it conforms.
     *
     * @throws AssertionError when the document has no such message
     */
    static List<String> messageErrors(JsonNode asyncApi, String channel, String message, String body) {
        var payload = asyncApi.path("channels").path(channel).path("messages").path(message).path("payload");
        if (payload.isMissingNode()) throw new AssertionError("no message " + message + " in channel " + channel);
        return schemaErrors(asyncApi, payload, body);
    }

    /** Checks {@code body} against {@code schema}, whose $refs point into {@code document}'s {@code components}. */
    private static List<String> schemaErrors(JsonNode document, JsonNode schema, String body) {
        var wrapper = JSON.createObjectNode().put("$schema", "https://json-schema.org/draft/2020-12/schema");
        wrapper.putArray("allOf").add(schema);
        // The components stay where the document's $refs point: #/components/schemas/...
        wrapper.set("components", document.path("components"));
        var validator = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(wrapper.toString());
        return validator.validate(body, InputFormat.JSON).stream().map(Object::toString).toList();
    }

    private static Schema asyncApiSchema() {
        try (var in = ApiValidation.class.getResourceAsStream("/asyncapi/asyncapi-3.0.0.schema.json")) {
            var text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
