package dev.strand.internal.apidoc;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Describes Java types as JSON Schema (the 2020-12 vocabulary OpenAPI 3.1 uses, kept to keywords
 * draft-07 shares so AsyncAPI 3.0 reads the same schemas), as the app's {@link ObjectMapper}
 * writes them: property names and inclusion come from Jackson's own view of each class, so
 * {@code @JsonProperty}, {@code @JsonIgnore} and naming strategies are honoured.
 *
 * <p>Records, classes, enums and sealed interfaces become named components referred to with
 * {@code $ref} (a sealed interface as any of its permitted types), so a type that contains itself, directly or through others, ends in a reference
 * instead of recursing. A property of a primitive type, or marked {@code @JsonProperty(required = true)},
 * is required. A property of a reference type may be {@code null} when the mapper writes nulls
 * (Jackson's default; {@code NON_NULL} inclusion leaves such properties out instead), and an
 * {@code Optional} one always may. Not thread-safe: one instance per document.
 */
final class JsonSchemas {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final ObjectMapper mapper;
    private final String refPrefix;
    private final Map<JavaType, String> names = new HashMap<>();
    private final Map<String, ObjectNode> components = new LinkedHashMap<>();

    /**
     * @param mapper    the mapper whose output the schemas describe
     * @param refPrefix where the components will sit, e.g. {@code "#/components/schemas/"}
     */
    JsonSchemas(ObjectMapper mapper, String refPrefix) {
        this.mapper = mapper;
        this.refPrefix = refPrefix;
    }

    /** The named schemas that {@code $ref}s handed out so far point to, in the order first met. */
    Map<String, ObjectNode> components() {
        return components;
    }

    /** The schema of a value of {@code type}: inline for simple types, a {@code $ref} for named ones. */
    ObjectNode schema(Type type) {
        return schema(mapper.constructType(type));
    }

    ObjectNode schema(JavaType type) {
        var raw = type.getRawClass();
        var simple = simple(raw);
        if (simple != null) return simple;
        if (raw == Optional.class) return nullable(schema(type.containedTypeOrUnknown(0)));
        if (raw == byte[].class) return object("type", "string").put("contentEncoding", "base64");
        if (type.isArrayType() || type.isCollectionLikeType()) {
            var array = object("type", "array");
            array.set("items", schema(type.getContentType()));
            if (Set.class.isAssignableFrom(raw)) array.put("uniqueItems", true);
            return array;
        }
        if (type.isMapLikeType()) {
            var map = object("type", "object");
            map.set("additionalProperties", schema(type.getContentType()));
            return map;
        }
        if (raw == Object.class || JsonNode.class.isAssignableFrom(raw)) return NODES.objectNode();
        return ref(type);
    }

    /**
     * The JSON value that a path, query or header text stands for once converted to {@code type},
     * for a parameter's default: a number for numeric types, the constant's JSON for an enum
     * (matched ignoring case, as binding does), text otherwise.
     */
    JsonNode parameterValue(Class<?> type, String text) {
        if (type.isEnum()) {
            for (var constant : type.getEnumConstants()) {
                if (((Enum<?>) constant).name().equalsIgnoreCase(text)) return mapper.valueToTree(constant);
            }
        }
        if (type == boolean.class || type == Boolean.class) return NODES.booleanNode(Boolean.parseBoolean(text));
        var simple = simple(type);
        if (simple != null && ("integer".equals(simple.path("type").asText()) || "number".equals(simple.path("type").asText()))) {
            return NODES.numberNode(new BigDecimal(text.strip()));
        }
        return NODES.textNode(text);
    }

    /** The type's schema, {@code null} allowed too: {@code "type": [t, "null"]} for a simple type, else {@code anyOf}. */
    static ObjectNode nullable(ObjectNode schema) {
        if (schema.get("type") instanceof TextNode type) {
            var copy = schema.deepCopy();
            copy.putArray("type").add(type.asText()).add("null");
            return copy;
        }
        var either = NODES.objectNode();
        either.putArray("anyOf").add(schema).add(object("type", "null"));
        return either;
    }

    private ObjectNode simple(Class<?> raw) {
        if (raw == String.class || raw == CharSequence.class) return object("type", "string");
        if (raw == boolean.class || raw == Boolean.class) return object("type", "boolean");
        if (raw == int.class || raw == Integer.class) return object("type", "integer").put("format", "int32");
        if (raw == long.class || raw == Long.class) return object("type", "integer").put("format", "int64");
        if (raw == short.class || raw == Short.class || raw == byte.class || raw == Byte.class || raw == BigInteger.class) {
            return object("type", "integer");
        }
        if (raw == double.class || raw == Double.class) return object("type", "number").put("format", "double");
        if (raw == float.class || raw == Float.class) return object("type", "number").put("format", "float");
        if (raw == BigDecimal.class) return object("type", "number");
        if (raw == char.class || raw == Character.class) return object("type", "string").put("minLength", 1).put("maxLength", 1);
        if (raw == UUID.class) return object("type", "string").put("format", "uuid");
        if (raw == URI.class || raw == URL.class) return object("type", "string").put("format", "uri");
        return time(raw);
    }

    /** Time types as ISO-8601 text, or, when the mapper writes dates as timestamps, as Jackson's numbers and arrays. */
    private ObjectNode time(Class<?> raw) {
        boolean stamps = mapper.isEnabled(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        if (raw == Instant.class || raw == OffsetDateTime.class || raw == ZonedDateTime.class) {
            return stamps ? object("type", "number") : object("type", "string").put("format", "date-time");
        }
        if (raw == LocalDate.class || raw == LocalTime.class || raw == LocalDateTime.class) {
            if (stamps) {
                var array = object("type", "array");
                array.set("items", object("type", "integer"));
                return array;
            }
            return object("type", "string").put("format", raw == LocalDate.class ? "date" : raw == LocalTime.class ? "time" : "date-time");
        }
        if (raw == Duration.class) {
            return mapper.isEnabled(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                    ? object("type", "number") : object("type", "string").put("format", "duration");
        }
        return null;
    }

    /** A reference to the type's component, describing it first if this is the first time. */
    private ObjectNode ref(JavaType type) {
        var name = names.get(type);
        if (name == null) {
            name = uniqueName(type);
            names.put(type, name);
            var described = NODES.objectNode();
            // Placed before describing, so that a type met again inside itself ends in a $ref.
            components.put(name, described);
            described.setAll(describe(type));
        }
        return object("$ref", refPrefix + name);
    }

    private ObjectNode describe(JavaType type) {
        var raw = type.getRawClass();
        if (raw.isEnum()) {
            var schema = object("type", "string");
            var values = schema.putArray("enum");
            for (var constant : raw.getEnumConstants()) values.add(mapper.valueToTree(constant));
            if (values.size() > 0 && !values.get(0).isTextual()) schema.remove("type");
            return schema;
        }
        if (raw.isSealed() && raw.isInterface()) {
            // anyOf, not oneOf: records that differ only in a field's value (a "type" set by their
            // constructors) look alike to a schema, and a value of one would match several.
            var schema = NODES.objectNode();
            var options = schema.putArray("anyOf");
            for (var permitted : raw.getPermittedSubclasses()) options.add(schema(permitted));
            return schema;
        }
        var schema = object("type", "object");
        var properties = schema.putObject("properties");
        var required = NODES.arrayNode();
        var bean = mapper.getSerializationConfig().introspect(type);
        for (var property : bean.findProperties()) {
            if (!property.couldSerialize()) continue;
            var propertyType = property.getPrimaryType();
            var propertySchema = schema(propertyType);
            boolean nullable = !propertyType.isPrimitive() && propertyType.getRawClass() != Optional.class && writesNulls(type, property);
            properties.set(property.getName(), nullable ? nullable(propertySchema) : propertySchema);
            if (propertyType.isPrimitive() || property.isRequired()) required.add(property.getName());
        }
        if (!required.isEmpty()) schema.set("required", required);
        return schema;
    }

    /** Whether the mapper writes this property when it is {@code null}: by default it does, unless told NON_NULL or the like. */
    private boolean writesNulls(JavaType owner, BeanPropertyDefinition property) {
        var inclusion = mapper.getSerializationConfig().getDefaultPropertyInclusion(owner.getRawClass())
                .withOverrides(property.findInclusion()).getValueInclusion();
        return inclusion == JsonInclude.Include.ALWAYS || inclusion == JsonInclude.Include.USE_DEFAULTS;
    }

    /** The class's name within its package ({@code Outer.Inner}), qualified further only when two types would share it. */
    private String uniqueName(JavaType type) {
        var raw = type.getRawClass();
        var pkg = raw.getPackageName();
        var base = (pkg.isEmpty() ? raw.getName() : raw.getName().substring(pkg.length() + 1)).replace('$', '.');
        var sb = new StringBuilder(base);
        for (int i = 0; i < type.containedTypeCount(); i++) {
            sb.append('_').append(type.containedType(i).getRawClass().getSimpleName());
        }
        var name = sb.toString();
        if (components.containsKey(name)) name = (pkg.isEmpty() ? "" : pkg + ".") + name;
        for (int n = 2; components.containsKey(name); n++) name = sb + "_" + n;
        return name;
    }

    private static ObjectNode object(String key, String value) {
        return NODES.objectNode().put(key, value);
    }
}
