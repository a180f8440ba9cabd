package dev.strand.internal.apidoc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strand.annotation.ApiResponse;
import dev.strand.annotation.Doc;
import dev.strand.annotation.Receives;
import dev.strand.annotation.Sends;
import dev.strand.config.ApiDocs;
import dev.strand.internal.routing.PathPattern;
import dev.strand.internal.scan.RouteDefinition;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

/**
 * The OpenAPI 3.1 description of an app's HTTP routes. WebSocket and SSE routes are left to
 * {@link AsyncApiDocument}, which can say what flows over them.
 *
 * <p>A path parameter takes its type from the {@code @PathParam} bound to it (text otherwise);
 * {@code @QueryParam} and {@code @Header} parameters are listed with their defaults, required
 * when primitive without one; a {@code @Body} is the request body; the return type is the body of
 * the success response (200, or the 2xx an {@link ApiResponse} declares); each 4xx or 5xx
 * {@link ApiResponse} carries Strand's error body, and a route that binds anything from the
 * request may answer 400.
 */
final class OpenApiDocument {
    /** Strand's error body; named so that it does not collide with an app's {@code Error} type. */
    static final String ERROR_SCHEMA = "StrandError";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final ObjectMapper mapper;
    private final JsonSchemas schemas;
    private boolean usesErrors;

    private OpenApiDocument(ObjectMapper mapper) {
        this.mapper = mapper;
        this.schemas = new JsonSchemas(mapper, "#/components/schemas/");
    }

    /**
     * The document for {@code routes}, without {@code servers} (the server fills them in).
     *
     * @throws IllegalArgumentException naming the method whose {@code @Doc(example)} is not JSON
     */
    static ObjectNode of(List<RouteDefinition> routes, ApiDocs settings, ObjectMapper mapper) {
        return new OpenApiDocument(mapper).build(routes, settings);
    }

    private ObjectNode build(List<RouteDefinition> routes, ApiDocs settings) {
        var doc = NODES.objectNode().put("openapi", "3.1.0");
        doc.putObject("info").put("title", settings.title()).put("version", settings.version());
        // Sorted by path, so the document reads like the API and diffs stay small.
        var paths = new TreeMap<String, ObjectNode>();
        var operationIds = new HashSet<String>();
        var tags = new TreeMap<String, String>();
        routes.stream()
                .filter(r -> r.kind() == RouteDefinition.Kind.HTTP)
                .sorted(Comparator.comparing(RouteDefinition::path))
                .forEach(r -> {
                    var path = paths.computeIfAbsent(openApiPath(r.path()), k -> NODES.objectNode());
                    try {
                        path.set(r.httpMethod().toLowerCase(Locale.ROOT), operation(r, operationIds, tags));
                    } catch (IllegalArgumentException e) {
                        throw ApiDescriptions.naming(r, e);
                    }
                });
        var pathsNode = doc.putObject("paths");
        paths.forEach(pathsNode::set);
        if (!tags.isEmpty()) {
            var tagList = doc.putArray("tags");
            tags.forEach((name, description) -> {
                var tag = tagList.addObject().put("name", name);
                if (!description.isEmpty()) tag.put("description", description);
            });
        }
        var components = doc.putObject("components").putObject("schemas");
        schemas.components().forEach(components::set);
        if (usesErrors) components.set(ERROR_SCHEMA, errorSchema());
        return doc;
    }

    /** {@code /users/{id:[0-9]+}/{rest...}} → {@code /users/{id}/{rest}}. */
    static String openApiPath(String pattern) {
        var parsed = PathPattern.parse(pattern);
        if (parsed.segments().isEmpty()) return "/";
        var sb = new StringBuilder();
        for (var segment : parsed.segments()) {
            sb.append('/').append(switch (segment) {
                case PathPattern.Segment.Literal l -> l.text();
                case PathPattern.Segment.Param p -> "{" + p.name() + "}";
                case PathPattern.Segment.Regex r -> "{" + r.name() + "}";
                case PathPattern.Segment.Tail t -> "{" + t.name() + "}";
            });
        }
        return sb.toString();
    }

    private ObjectNode operation(RouteDefinition route, HashSet<String> operationIds, TreeMap<String, String> tags) {
        var method = route.handler();
        if (method.getAnnotationsByType(Sends.class).length > 0 || method.getAnnotationsByType(Receives.class).length > 0) {
            throw new IllegalArgumentException("@Sends and @Receives describe @Ws and @Sse routes; an HTTP route's answer is its return type");
        }
        var op = NODES.objectNode();
        var classDoc = method.getDeclaringClass().getAnnotation(Doc.class);
        var doc = method.getAnnotation(Doc.class);
        var routeTags = new LinkedHashSet<String>();
        if (classDoc != null) routeTags.addAll(List.of(classDoc.tags()));
        if (doc != null) routeTags.addAll(List.of(doc.tags()));
        if (routeTags.isEmpty()) routeTags.add(method.getDeclaringClass().getSimpleName());
        var opTags = op.putArray("tags");
        for (var t : routeTags) {
            opTags.add(t);
            tags.merge(t, classDoc != null && List.of(classDoc.tags()).contains(t) ? classDoc.description() : "",
                    (a, b) -> a.isEmpty() ? b : a);
        }
        if (doc != null && !doc.summary().isEmpty()) op.put("summary", doc.summary());
        if (doc != null && !doc.description().isEmpty()) op.put("description", doc.description());
        var id = route.origin();
        for (int n = 2; !operationIds.add(id); n++) id = route.origin() + "_" + n;
        op.put("operationId", id);

        var inputs = RouteInput.of(method);
        var parameters = pathParameters(route.path(), inputs);
        for (var input : inputs) {
            if (input.in() == RouteInput.In.QUERY || input.in() == RouteInput.In.HEADER) {
                var p = parameters.addObject().put("name", input.name()).put("in", input.in().name().toLowerCase(Locale.ROOT));
                if (input.required()) p.put("required", true);
                p.set("schema", input.schema(schemas));
            }
        }
        if (!parameters.isEmpty()) op.set("parameters", parameters);
        for (var input : inputs) {
            if (input.in() == RouteInput.In.BODY) {
                var body = op.putObject("requestBody").put("required", true);
                body.set("content", content(input.parameter().getParameterizedType(), input.parameter().getType(), null));
            }
        }
        var fields = inputs.stream().filter(i -> i.in() == RouteInput.In.FORM).toList();
        if (!fields.isEmpty()) op.putObject("requestBody").put("required", true).set("content", form(fields));
        op.set("responses", responses(method, doc, !inputs.isEmpty()));
        return op;
    }

    /** A form body (RFC 1866 §8.2.1 encoding) with one property per {@code @FormParam}. */
    private ObjectNode form(List<RouteInput> fields) {
        var content = NODES.objectNode();
        var schema = content.putObject("application/x-www-form-urlencoded").putObject("schema").put("type", "object");
        var properties = schema.putObject("properties");
        var required = NODES.arrayNode();
        for (var field : fields) {
            properties.set(field.name(), field.schema(schemas));
            if (field.required()) required.add(field.name());
        }
        if (!required.isEmpty()) schema.set("required", required);
        return content;
    }

    /**
     * One parameter per name in the pattern, typed by the {@code @PathParam} bound to it: a
     * handler that reads it from the Context gets text; a regex becomes a {@code pattern}.
     */
    private ArrayNode pathParameters(String path, List<RouteInput> inputs) {
        var parameters = NODES.arrayNode();
        for (var segment : PathPattern.parse(path).segments()) {
            if (segment instanceof PathPattern.Segment.Literal) continue;
            var name = PathPattern.name(segment);
            var p = parameters.addObject().put("name", name).put("in", "path").put("required", true);
            var bound = inputs.stream().filter(i -> i.in() == RouteInput.In.PATH && i.name().equals(name)).findFirst();
            var schema = bound.map(i -> i.schema(schemas)).orElseGet(() -> NODES.objectNode().put("type", "string"));
            if (segment instanceof PathPattern.Segment.Regex r) schema.put("pattern", "^(?:" + r.pattern().pattern() + ")$");
            if (segment instanceof PathPattern.Segment.Tail) p.put("description", "the rest of the path, '/' included");
            p.set("schema", schema);
        }
        return parameters;
    }

    private ObjectNode responses(Method method, Doc doc, boolean bindsInput) {
        var responses = new TreeMap<String, ObjectNode>();
        var declared = method.getAnnotationsByType(ApiResponse.class);
        for (var r : declared) {
            if (r.status() < 100 || r.status() > 599) {
                throw new IllegalArgumentException("@ApiResponse(status = " + r.status() + ") is not an HTTP status (100 to 599)");
            }
        }
        // The body goes with the lowest 2xx declared, else with 200.
        int success = Arrays.stream(declared).mapToInt(ApiResponse::status).filter(s -> s >= 200 && s < 300).min().orElse(200);
        for (var r : declared) {
            var response = NODES.objectNode().put("description", r.description());
            if (r.status() >= 400) response.set("content", errorContent());
            responses.put(Integer.toString(r.status()), response);
        }
        var ok = responses.computeIfAbsent(Integer.toString(success), k -> NODES.objectNode().put("description", "OK"));
        var returns = method.getReturnType();
        if (returns != void.class && returns != Void.class) {
            ok.set("content", content(method.getGenericReturnType(), returns, doc == null || doc.example().isEmpty() ? null : example(method, doc)));
        }
        if (bindsInput && !responses.containsKey("400")) {
            responses.put("400", NODES.objectNode().put("description", "a parameter or the body is missing or malformed")
                    .set("content", errorContent()));
        }
        var node = NODES.objectNode();
        responses.forEach(node::set);
        return node;
    }

    /** The media type a value of {@code type} travels as, as Strand's binding and result writing choose it. */
    private ObjectNode content(Type generic, Class<?> type, JsonNode example) {
        var content = NODES.objectNode();
        if (type == String.class || type == CharSequence.class) {
            content.putObject("text/plain").putObject("schema").put("type", "string");
        } else if (type == byte[].class) {
            content.putObject("application/octet-stream");
        } else {
            var json = content.putObject("application/json");
            json.set("schema", schemas.schema(generic));
            if (example != null) json.set("example", example);
        }
        return content;
    }

    private JsonNode example(Method method, Doc doc) {
        try {
            return mapper.readTree(doc.example());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("@Doc(example) is not JSON: " + e.getOriginalMessage(), e);
        }
    }

    private ObjectNode errorContent() {
        usesErrors = true;
        var content = NODES.objectNode();
        content.putObject("application/json").putObject("schema").put("$ref", "#/components/schemas/" + ERROR_SCHEMA);
        content.putObject("text/plain").putObject("schema").put("type", "string");
        return content;
    }

    /** Strand's error body, {@code {"error":..,"status":..}}. */
    private static ObjectNode errorSchema() {
        var schema = NODES.objectNode().put("type", "object");
        var properties = schema.putObject("properties");
        properties.putObject("error").put("type", "string").put("description", "what went wrong, fit to show");
        properties.putObject("status").put("type", "integer").put("description", "the HTTP status");
        schema.putArray("required").add("error").add("status");
        return schema;
    }
}
