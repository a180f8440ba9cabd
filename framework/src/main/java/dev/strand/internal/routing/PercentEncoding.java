package dev.strand.internal.routing;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Strict percent-decoding of UTF-8 text (RFC 3986 §2.1, RFC 3629): every {@code %} starts two hex
 * digits, and the decoded bytes must be well-formed UTF-8, so overlong forms ({@code %C0%AF}), lone
 * continuation bytes ({@code %FF}) and truncated sequences are refused rather than replaced.
 * Characters that are not escaped are taken as they are. Stateless and thread-safe.
 */
public final class PercentEncoding {

    private PercentEncoding() {
    }

    /**
     * Decodes {@code raw[from, to)}.
     *
     * @param plusIsSpace whether {@code +} means a space, as in a query string
     *                    ({@code application/x-www-form-urlencoded}); not in a path
     * @return the decoded text; {@code raw}'s own substring when it holds no escape
     * @throws IllegalArgumentException saying what is wrong: an incomplete escape, a non-hex digit
     *                                  or bytes that are not UTF-8
     */
    public static String decode(String raw, int from, int to, boolean plusIsSpace) {
        int pct = raw.indexOf('%', from);
        boolean plain = pct < 0 || pct >= to;
        if (plain && !(plusIsSpace && indexOf(raw, '+', from, to) >= 0)) return raw.substring(from, to);
        var bytes = new ByteArrayOutputStream(to - from);
        for (int i = from; i < to; i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= to) throw new IllegalArgumentException("incomplete percent-escape");
                int hi = Character.digit(raw.charAt(i + 1), 16), lo = Character.digit(raw.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) throw new IllegalArgumentException("bad percent-escape '" + raw.substring(i, i + 3) + "'");
                bytes.write(hi << 4 | lo);
                i += 2;
            } else if (c == '+' && plusIsSpace) {
                bytes.write(' ');
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
            throw new IllegalArgumentException("not valid UTF-8 after percent-decoding");
        }
    }

    private static int indexOf(String s, char c, int from, int to) {
        int i = s.indexOf(c, from);
        return i < to ? i : -1;
    }
}
