package dev.strand.internal.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.lang.reflect.Type;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads and writes JSON with Jackson. One instance per server; thread-safe.
 *
 * <p>Decoding failures become {@link JsonDecodeException} whose message says what was wrong and
 * where (line, column, field path) without naming Java classes, so it can go on the wire.
 */
public final class JsonCodec {
    /** Jackson's own location text inside a message; the rest of the message is what a user needs. */
    private static final Pattern SOURCE = Pattern.compile("\\[Source: [^;\\]]*; line: (\\d+), column: (\\d+)\\]");
    private final ObjectMapper mapper;

    /**
     * A codec over Strand's default mapper: unknown fields ignored, no failure on empty beans; and
     * strict where leniency would hide a client's mistake: a duplicate key, anything after the
     * value, or a fraction where an integer belongs is a 400, not a guess.
     */
    public JsonCodec() {
        this(new ObjectMapper()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION.mappedFeature())
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .findAndRegisterModules());
    }

    /** A codec over the application's own mapper. */
    public JsonCodec(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The mapper itself, for describing types as JSON Schema the way it writes them. */
    public ObjectMapper mapper() {
        return mapper;
    }

    /** The Jackson type for a Java type, resolved once at startup by binding plans. */
    public JavaType type(Type type) {
        return mapper.constructType(type);
    }

    /** A reader for one target type, made once and reused for every request. */
    public ObjectReader reader(JavaType type) {
        return mapper.readerFor(type);
    }

    /** Writes a value as UTF-8 JSON bytes. */
    public byte[] write(Object value) {
        try {
            return mapper.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getName() + " as JSON", e);
        }
    }

    /** Reads JSON bytes into the reader's type; an empty body or a JSON {@code null} is an error, not {@code null}. */
    public static <T> T read(ObjectReader reader, byte[] json) {
        if (json.length == 0) {
            throw new JsonDecodeException("Request body is empty; expected JSON");
        }
        if (!isUtf8(json)) {
            throw new JsonDecodeException("Malformed JSON: the body is not valid UTF-8");
        }
        T value;
        try {
            value = reader.readValue(json);
        } catch (IOException e) {
            throw new JsonDecodeException(describe(e));
        }
        if (value == null) throw new JsonDecodeException("Request body is JSON null; expected a value");
        return value;
    }

    /** Reads JSON bytes into a type. */
    public <T> T read(byte[] json, Type type) {
        return read(reader(type(type)), json);
    }

    /**
     * JSON between systems is UTF-8 (RFC 8259, 8.1). Checked here because Jackson's byte parser
     * lets some malformed sequences in field names through as broken surrogates, which then
     * cannot be written back. Costs one pass only for a body that is not all ASCII.
     */
    private static boolean isUtf8(byte[] json) {
        for (byte b : json) {
            if (b < 0) {
                try {
                    StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(json));
                    return true;
                } catch (CharacterCodingException e) {
                    return false;
                }
            }
        }
        return true;
    }

    private static String describe(IOException e) {
        if (e instanceof UnrecognizedPropertyException u) {
            return "Unknown JSON field '" + u.getPropertyName() + "'" + where(u);
        }
        if (e instanceof InvalidFormatException f) {
            return "JSON value " + quoted(f.getValue()) + " at " + path(f) + " is not "
                    + kind(f.getTargetType()) + where(f);
        }
        if (e instanceof MismatchedInputException m) {
            var at = m.getPath().isEmpty() ? "the top level" : path(m);
            return "Unexpected JSON at " + at + ": expected " + kind(m.getTargetType()) + where(m);
        }
        if (e instanceof JsonProcessingException p) {
            var detail = p.getOriginalMessage().lines().findFirst().orElse("");
            detail = SOURCE.matcher(detail).replaceAll("line $1, column $2");
            return "Malformed JSON: " + detail + where(p);
        }
        return "Malformed JSON";
    }

    private static String where(JsonProcessingException e) {
        var loc = e.getLocation();
        return loc == null || loc.getLineNr() < 0
                ? "" : " (line " + loc.getLineNr() + ", column " + loc.getColumnNr() + ")";
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(r -> r.getFieldName() != null ? "." + r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining("", "$", ""));
    }

    private static String quoted(Object value) {
        return value instanceof String s ? "\"" + s + "\"" : String.valueOf(value);
    }

    /** Names a target type the way a JSON user thinks of it. */
    private static String kind(Class<?> type) {
        if (type == null) return "a value";
        if (type == String.class || type == char.class || type == Character.class) return "a string";
        if (type == boolean.class || type == Boolean.class) return "true or false";
        if (type == int.class || type == long.class || type == short.class || type == byte.class
                || type == Integer.class || type == Long.class || type == Short.class || type == Byte.class) {
            return "an integer";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) return "a number";
        if (type.isArray() || Iterable.class.isAssignableFrom(type)) return "an array";
        if (type.isEnum()) return "one of " + java.util.Arrays.toString(type.getEnumConstants());
        return "an object";
    }
}
