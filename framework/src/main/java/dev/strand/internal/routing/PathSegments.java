package dev.strand.internal.routing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;

/** Splits a raw (still percent-encoded) request path into decoded segments; shared by routing and static files. */
public final class PathSegments {
    private static final String[] ROOT = new String[0];

    private PathSegments() {
    }

    /**
     * Splits {@code /a/b%20c/} into {@code ["a", "b c"]}; a trailing slash is ignored. Decoding
     * happens per segment, so an encoded {@code %2F} would stay inside its segment (Jetty's default
     * URI compliance answers such ambiguous paths with 400 before they get here).
     *
     * @throws IllegalArgumentException for a malformed escape or invalid UTF-8
     */
    public static String[] split(String rawPath) {
        int len = rawPath.length();
        if (len <= 1) return ROOT;
        var out = new ArrayList<String>(8);
        int start = rawPath.charAt(0) == '/' ? 1 : 0;
        for (int i = start; i <= len; i++) {
            if (i == len || rawPath.charAt(i) == '/') {
                if (i == len && i == start) break;
                out.add(decode(rawPath, start, i));
                start = i + 1;
            }
        }
        return out.toArray(ROOT);
    }

    private static String decode(String raw, int from, int to) {
        int pct = raw.indexOf('%', from);
        if (pct < 0 || pct >= to) return raw.substring(from, to);
        var bytes = new ByteArrayOutputStream(to - from);
        for (int i = from; i < to; i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= to) {
                    throw new IllegalArgumentException("incomplete percent-escape in path");
                }
                int hi = Character.digit(raw.charAt(i + 1), 16), lo = Character.digit(raw.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) throw new IllegalArgumentException("bad percent-escape in path");
                bytes.write(hi << 4 | lo);
                i += 2;
            } else if (c < 0x80) {
                bytes.write(c);
            } else {
                int cp = raw.codePointAt(i);
                var utf8 = Character.toString(cp).getBytes(StandardCharsets.UTF_8);
                bytes.write(utf8, 0, utf8.length);
                i += Character.charCount(cp) - 1;
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("path is not valid UTF-8 after percent-decoding");
        }
    }
}
