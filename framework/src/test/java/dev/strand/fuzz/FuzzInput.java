package dev.strand.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a fuzz input into text fields. Fields are separated by the byte {@code 0xFF}, which never
 * occurs in UTF-8, and each field is decoded as UTF-8 (a bad sequence becomes U+FFFD). A seed file
 * is therefore readable and written with {@code printf 'a\xffb'}; CR, LF and NUL stay available
 * as field content.
 */
public final class FuzzInput {
    private static final int SEPARATOR = 0xFF;

    private FuzzInput() {
    }

    /** The fields of {@code data}: at least one (possibly empty), as many as it has separators plus one. */
    public static List<String> fields(byte[] data) {
        var fields = new ArrayList<String>();
        var field = new ByteArrayOutputStream();
        for (byte b : data) {
            if ((b & 0xFF) == SEPARATOR) {
                fields.add(field.toString(StandardCharsets.UTF_8));
                field.reset();
            } else {
                field.write(b);
            }
        }
        fields.add(field.toString(StandardCharsets.UTF_8));
        return fields;
    }

    /** Field {@code i}, or {@code null} when the input has fewer fields. */
    public static String field(List<String> fields, int i) {
        return i < fields.size() ? fields.get(i) : null;
    }
}
