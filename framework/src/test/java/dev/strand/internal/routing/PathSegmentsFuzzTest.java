package dev.strand.internal.routing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * Percent-decoding of request paths. A raw path either fails with {@link IllegalArgumentException}
 * (a malformed escape or bytes that are not UTF-8) or splits into segments that, percent-encoded
 * again and split once more, give back the very same segments (an encoded {@code /} stays inside
 * its segment); a path without escapes splits into its own text.
 */
class PathSegmentsFuzzTest {

    @FuzzTest
    void decodedSegmentsReencodeToAnEquivalentPath(byte[] input) {
        var text = new String(input, StandardCharsets.UTF_8);
        var raw = text.startsWith("/") ? text : "/" + text; // Jetty hands over origin-form paths only
        String[] segments;
        try {
            segments = PathSegments.split(raw);
        } catch (IllegalArgumentException e) {
            assertTrue(raw.indexOf('%') >= 0, "only an escape can make a path undecodable: " + raw);
            return;
        }
        var reencoded = new StringBuilder();
        for (var s : segments) reencoded.append('/').append(encode(s));
        reencoded.append('/'); // ignored, and keeps an empty last segment from being taken for one
        assertArrayEquals(segments, PathSegments.split(reencoded.toString()), "re-encoded as " + reencoded);
        if (raw.indexOf('%') < 0) {
            assertEquals(undecoded(raw), String.join("/", segments));
        }
    }

    /** The path as the split leaves text without escapes: the leading and one trailing slash dropped. */
    private static String undecoded(String raw) {
        var s = raw.substring(1);
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    /** Escapes every byte but RFC 3986's unreserved characters, slashes included. */
    private static String encode(String segment) {
        var sb = new StringBuilder();
        for (byte b : segment.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "-._~".indexOf(c) >= 0) {
                sb.append((char) c);
            } else {
                sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return sb.toString();
    }
}
