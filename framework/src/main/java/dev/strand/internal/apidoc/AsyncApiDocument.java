package dev.strand.internal.apidoc;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strand.annotation.Doc;
import dev.strand.annotation.Receives;
import dev.strand.annotation.Sends;
import dev.strand.annotation.Sse;
import dev.strand.config.ApiDocs;
import dev.strand.internal.routing.PathPattern;
import dev.strand.internal.scan.RouteDefinition;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The AsyncAPI 3.0 description of an app's WebSocket and SSE routes, from the server's side: one
 * channel per route at its path, with its path parameters, and its query parameters (and headers)
 * in the channel's {@code ws} binding or the {@code http} binding of its operation; the messages
 * {@link Sends} and {@link Receives} declare, SSE event names as message names; a {@code send}
 * operation for what the server sends and a {@code receive} operation for what it reads.
 *
 * <p>Channels refer to the servers {@value #WS_SERVER} (WebSocket) and {@value #HTTP_SERVER} (SSE),
 * which {@link ApiDescriptions} fills in for the address clients reach.
 */
final class AsyncApiDocument {
    static final String WS_SERVER = "ws";
    static final String HTTP_SERVER = "http";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final JsonSchemas schemas;

    private AsyncApiDocument(ObjectMapper mapper) {
        this.schemas = new JsonSchemas(mapper, "#/components/schemas/");
    }

    /** The document for the {@code @Ws} and {@code @Sse} routes among {@code routes}, without {@code servers}. */
    static ObjectNode of(List<RouteDefinition> routes, ApiDocs settings, ObjectMapper mapper) {
        return new AsyncApiDocument(mapper).build(routes, settings);
    }

    private ObjectNode build(List<RouteDefinition> routes, ApiDocs settings) {
        var doc = NODES.objectNode().put("asyncapi", "3.0.0");
        doc.putObject("info").put("title", settings.title()).put("version", settings.version());
        doc.put("defaultContentType", "application/json");
        var channels = doc.putObject("channels");
        var operations = doc.putObject("operations");
        routes.stream()
                .filter(r -> r.kind() != RouteDefinition.Kind.HTTP)
                .sorted(Comparator.comparing(RouteDefinition::path))
                .forEach(r -> {
                    try {
                        channel(r, channels, operations);
                    } catch (IllegalArgumentException e) {
                        throw ApiDescriptions.naming(r, e);
                    }
                });
        var components = doc.putObject("components").putObject("schemas");
        schemas.components().forEach(components::set);
        return doc;
    }

    private void channel(RouteDefinition route, ObjectNode channels, ObjectNode operations) {
        var id = route.origin();
        var method = route.handler();
        boolean ws = route.kind() == RouteDefinition.Kind.WS;
        var channel = channels.putObject(id).put("address", OpenApiDocument.openApiPath(route.path()));
        var doc = method.getAnnotation(Doc.class);
        if (doc != null && !doc.summary().isEmpty()) channel.put("summary", doc.summary());
        if (doc != null && !doc.description().isEmpty()) channel.put("description", doc.description());
        channel.putArray("servers").addObject().put("$ref", "#/servers/" + (ws ? WS_SERVER : HTTP_SERVER));

        var inputs = RouteInput.of(method);
        var parameters = pathParameters(route.path(), inputs);
        if (!parameters.isEmpty()) channel.set("parameters", parameters);

        var sent = new LinkedHashMap<String, ObjectNode>();
        for (var s : method.getAnnotationsByType(Sends.class)) {
            var key = ws || s.event().isEmpty() ? messageId(s.value()) : s.event();
            sent.put(unique(key, sent), message(s.value(), ws ? null : s.event(), s.description()));
        }
        var received = new LinkedHashMap<String, ObjectNode>();
        for (var r : method.getAnnotationsByType(Receives.class)) {
            if (!ws) throw new IllegalArgumentException("@Receives is for @Ws routes; an SSE stream only sends");
            received.put(unique(messageId(r.value()), received), message(r.value(), null, r.description()));
        }
        var messages = channel.putObject("messages");
        sent.forEach(messages::set);
        received.forEach(messages::putIfAbsent);

        var query = objectSchema(inputs, RouteInput.In.QUERY);
        var httpMethod = route.annotation() instanceof Sse sse ? sse.method().toUpperCase(Locale.ROOT) : "GET";
        if (ws) {
            var binding = NODES.objectNode().put("method", "GET");
            if (query != null) binding.set("query", query);
            var headers = objectSchema(inputs, RouteInput.In.HEADER);
            if (headers != null) binding.set("headers", headers);
            channel.putObject("bindings").set("ws", binding.put("bindingVersion", "0.1.0"));
        }
        var tags = tags(route);
        operation(operations, id, "send", sent.keySet(), doc, tags,
                ws ? null : httpBinding(httpMethod, query));
        operation(operations, id, "receive", received.keySet(), doc, tags, null);
    }

    private static void operation(ObjectNode operations, String channelId, String action, Iterable<String> messageIds,
                                  Doc doc, List<String> tags, ObjectNode httpBinding) {
        if (!messageIds.iterator().hasNext()) return;
        var op = operations.putObject(channelId + "." + action).put("action", action);
        op.putObject("channel").put("$ref", "#/channels/" + channelId);
        if (doc != null && !doc.summary().isEmpty()) op.put("summary", doc.summary());
        if (!tags.isEmpty()) {
            var tagList = op.putArray("tags");
            tags.forEach(t -> tagList.addObject().put("name", t));
        }
        var refs = op.putArray("messages");
        for (var m : messageIds) refs.addObject().put("$ref", "#/channels/" + channelId + "/messages/" + m);
        if (httpBinding != null) op.putObject("bindings").set("http", httpBinding);
    }

    private static ObjectNode httpBinding(String method, ObjectNode query) {
        var binding = NODES.objectNode().put("method", method);
        if (query != null) binding.set("query", query);
        return binding.put("bindingVersion", "0.3.0");
    }

    /** The class's tags, then the method's, each once. */
    private static List<String> tags(RouteDefinition route) {
        var tags = new LinkedHashSet<String>();
        var classDoc = route.handler().getDeclaringClass().getAnnotation(Doc.class);
        var doc = route.handler().getAnnotation(Doc.class);
        if (classDoc != null) tags.addAll(List.of(classDoc.tags()));
        if (doc != null) tags.addAll(List.of(doc.tags()));
        return List.copyOf(tags);
    }

    /** A message of {@code type}: text, binary, or JSON with the type's schema; an SSE event's name as its name. */
    private ObjectNode message(Class<?> type, String event, String description) {
        var message = NODES.objectNode();
        if (event != null) message.put("name", event.isEmpty() ? "message" : event).put("title", "event: " + (event.isEmpty() ? "message" : event));
        else message.put("name", messageId(type));
        if (!description.isEmpty()) message.put("description", description);
        if (type == String.class) {
            message.put("contentType", "text/plain").putObject("payload").put("type", "string");
        } else if (type == byte[].class) {
            message.put("contentType", "application/octet-stream").putObject("payload").put("type", "string").put("format", "binary");
        } else {
            message.put("contentType", "application/json").set("payload", schemas.schema(type));
        }
        return message;
    }

    /** A message's id: text and binary by kind, other types by the name of their schema. */
    private String messageId(Class<?> type) {
        if (type == String.class) return "text";
        if (type == byte[].class) return "binary";
        var ref = schemas.schema(type).path("$ref").asText("");
        return ref.isEmpty() ? type.getSimpleName() : ref.substring(ref.lastIndexOf('/') + 1);
    }

    private static String unique(String key, Map<String, ?> taken) {
        var id = key;
        for (int n = 2; taken.containsKey(id); n++) id = key + "_" + n;
        return id;
    }

    /** AsyncAPI parameters carry no schema: a type goes in the description, an enum's values in {@code enum}. */
    private ObjectNode pathParameters(String path, List<RouteInput> inputs) {
        var parameters = NODES.objectNode();
        for (var segment : PathPattern.parse(path).segments()) {
            var name = PathPattern.name(segment);
            if (name == null) continue;
            var p = parameters.putObject(name);
            var bound = inputs.stream().filter(i -> i.in() == RouteInput.In.PATH && i.name().equals(name)).findFirst();
            var type = bound.<Class<?>>map(i -> i.parameter().getType()).orElse(String.class);
            p.put("description", "a path segment: " + describe(type)
                    + (segment instanceof PathPattern.Segment.Regex r ? " matching " + r.pattern().pattern() : ""));
            if (type.isEnum()) {
                var values = p.putArray("enum");
                for (var c : type.getEnumConstants()) values.add(((Enum<?>) c).name());
            }
        }
        return parameters;
    }

    private static String describe(Class<?> type) {
        if (type == String.class) return "text";
        if (type.isEnum()) return "one of its values";
        return type.getSimpleName().toLowerCase(Locale.ROOT);
    }

    /** The query parameters or headers as one object schema, as the bindings take them; {@code null} for none. */
    private ObjectNode objectSchema(List<RouteInput> inputs, RouteInput.In in) {
        var schema = NODES.objectNode().put("type", "object");
        var properties = schema.putObject("properties");
        var required = NODES.arrayNode();
        for (var input : inputs) {
            if (input.in() != in) continue;
            properties.set(input.name(), input.schema(schemas));
            if (input.required()) required.add(input.name());
        }
        if (properties.isEmpty()) return null;
        if (!required.isEmpty()) schema.set("required", required);
        return schema;
    }
}
