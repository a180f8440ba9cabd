package dev.strand.internal.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.strand.HttpException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Parameter conversion for every type Strand converts. A string either converts to a value of
 * the type, which reads back the same from its own text form, or fails with a 400 whose message
 * names the parameter and the form wanted; never any other exception.
 */
class ValueConverterFuzzTest {
    enum Color { RED, GREEN, DARK_BLUE }

    private static final List<Class<?>> TYPES = List.of(String.class, int.class, Integer.class, long.class,
            Long.class, double.class, Double.class, boolean.class, Boolean.class, UUID.class, Color.class);

    @FuzzTest
    void conversionGivesTheValueOrA400(byte[] input) {
        if (input.length == 0) return;
        var type = TYPES.get((input[0] & 0xFF) % TYPES.size());
        var value = new String(input, 1, input.length - 1, StandardCharsets.UTF_8);
        var converter = ValueConverter.of(type);
        Object converted;
        try {
            converted = converter.convert(value, "query parameter 'p'");
        } catch (HttpException e) {
            assertEquals(400, e.status());
            assertTrue(e.getMessage().startsWith("query parameter 'p' must be " + converter.expected()), e.getMessage());
            return;
        }
        assertInstanceOf(boxed(type), converted);
        assertEquals(converted, converter.convert(text(converted), "query parameter 'p'"), "read back from its text");
        switch (converted) {
            case Boolean b -> assertEquals(b.toString(), value.toLowerCase(Locale.ROOT));
            case Color c -> assertTrue(c.name().equalsIgnoreCase(value), value);
            case String s -> assertEquals(value, s);
            default -> { }
        }
    }

    private static String text(Object value) {
        return value instanceof Color c ? c.name() : String.valueOf(value);
    }

    private static Class<?> boxed(Class<?> type) {
        if (type == int.class) return Integer.class;
        if (type == long.class) return Long.class;
        if (type == double.class) return Double.class;
        if (type == boolean.class) return Boolean.class;
        return type;
    }
}
