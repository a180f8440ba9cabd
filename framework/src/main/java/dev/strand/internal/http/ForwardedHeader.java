package dev.strand.internal.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code Forwarded} header of RFC 7239 §4, parsed strictly: a list of elements, each a
 * {@code ;}-separated list of {@code name=value} pairs, values tokens or quoted strings. Parsed by
 * hand because Jetty's {@code QuotedCSV} drops the quoting that tells a {@code ;} or {@code ,}
 * inside a value from one between pairs, and a trusted proxy's header must be read exactly or
 * not at all.
 */
final class ForwardedHeader {
    private static final String TCHAR = "!#$%&'*+-.^_`|~";

    private ForwardedHeader() {
    }

    /**
     * The header's elements in order, each its pairs by lower-case name.
     *
     * @param value the header's value, several header lines joined with {@code ,}
     * @throws IllegalArgumentException saying what is malformed and where
     */
    static List<Map<String, String>> parse(String value) {
        var elements = new ArrayList<Map<String, String>>();
        var element = new LinkedHashMap<String, String>();
        int i = 0;
        int n = value.length();
        while (true) {
            i = skipSpace(value, i);
            if (i < n && value.charAt(i) != ',' && value.charAt(i) != ';') {
                int nameStart = i;
                while (i < n && isTchar(value.charAt(i))) i++;
                if (i == nameStart) throw malformed("a parameter name", value, i);
                var name = value.substring(nameStart, i).toLowerCase(Locale.ROOT);
                if (i >= n || value.charAt(i) != '=') throw malformed("'=' after " + name, value, i);
                i++;
                var text = new StringBuilder();
                if (i < n && value.charAt(i) == '"') {
                    i++;
                    while (i < n && value.charAt(i) != '"') {
                        char c = value.charAt(i);
                        if (c == '\\' && i + 1 < n) c = value.charAt(++i);
                        text.append(c);
                        i++;
                    }
                    if (i >= n) throw malformed("a closing quote", value, i);
                    i++;
                } else {
                    int start = i;
                    while (i < n && isTchar(value.charAt(i))) i++;
                    if (i == start) throw malformed("a value for " + name, value, i);
                    text.append(value, start, i);
                }
                if (element.putIfAbsent(name, text.toString()) != null) {
                    throw new IllegalArgumentException("parameter " + name + " appears twice in one element");
                }
                i = skipSpace(value, i);
            }
            if (i >= n) break;
            char c = value.charAt(i++);
            if (c == ',') {
                if (!element.isEmpty()) elements.add(element);
                element = new LinkedHashMap<>();
            } else if (c != ';') {
                throw malformed("';' or ','", value, i - 1);
            }
        }
        if (!element.isEmpty()) elements.add(element);
        return elements;
    }

    private static int skipSpace(String value, int i) {
        while (i < value.length() && (value.charAt(i) == ' ' || value.charAt(i) == '\t')) i++;
        return i;
    }

    private static boolean isTchar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || TCHAR.indexOf(c) >= 0;
    }

    private static IllegalArgumentException malformed(String expected, String value, int at) {
        var shown = value.length() > 80 ? value.substring(0, 80) + "..." : value;
        return new IllegalArgumentException("expected " + expected + " at character " + (at + 1) + " of '" + shown + "'");
    }
}
