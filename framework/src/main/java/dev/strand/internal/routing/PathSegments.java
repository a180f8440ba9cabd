package dev.strand.internal.routing;

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
        try {
            return PercentEncoding.decode(raw, from, to, false);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage() + " in path", e);
        }
    }
}
