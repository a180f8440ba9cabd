package dev.strand.internal.routing;

import dev.strand.broadcast.MessageId;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;

/**
 * Converts a path, query or header string to a handler parameter's type. Chosen once per
 * parameter at startup.
 *
 * @param type     the target type
 * @param expected how the message names the wanted form, e.g. {@code "an integer"}
 * @param parse    the conversion; throws any {@link RuntimeException} for a value that does not fit
 */
record ValueConverter(Class<?> type, String expected, Function<String, Object> parse) {
    /** The most characters of a refused value that a 400 repeats. */
    private static final int QUOTED = 64;


    /** The converter for a type, or {@code null} when Strand cannot convert strings to it. */
    static ValueConverter of(Class<?> type) {
        if (type == String.class) return new ValueConverter(type, "a string", s -> s);
        if (type == int.class || type == Integer.class) return new ValueConverter(type, "an integer", Integer::valueOf);
        if (type == long.class || type == Long.class) return new ValueConverter(type, "an integer", Long::valueOf);
        if (type == double.class || type == Double.class) return new ValueConverter(type, "a number", Double::valueOf);
        if (type == boolean.class || type == Boolean.class) return new ValueConverter(type, "true or false", ValueConverter::bool);
        if (type == UUID.class) return new ValueConverter(type, "a UUID", UUID::fromString);
        if (type == MessageId.class) return new ValueConverter(type, "a message id, as sent in an event's id", MessageId::valueOf);
        if (type.isEnum()) return enumConverter(type);
        return null;
    }

    /** Converts a value that is present; {@code what} names the parameter for the 400 message. */
    Object convert(String value, String what) {
        try {
            return parse.apply(value);
        } catch (RuntimeException e) {
            throw new dev.strand.HttpException(400, what + " must be " + expected + ", got " + quoted(value));
        }
    }

    /** The refused value for the 400: enough of it to recognise, not a copy of a huge one. */
    private static String quoted(String value) {
        if (value.length() <= QUOTED) return "'" + value + "'";
        return "'" + value.substring(0, QUOTED) + "…' (" + value.length() + " characters)";
    }

    private static Boolean bool(String s) {
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException(s);
        };
    }

    private static ValueConverter enumConverter(Class<?> type) {
        var constants = type.getEnumConstants();
        var names = new StringBuilder("one of");
        for (var c : constants) names.append(names.length() > 6 ? ", " : " ").append(((Enum<?>) c).name());
        return new ValueConverter(type, names.toString(), s -> {
            for (var c : constants) {
                if (((Enum<?>) c).name().equalsIgnoreCase(s)) return c;
            }
            throw new IllegalArgumentException(s);
        });
    }
}
