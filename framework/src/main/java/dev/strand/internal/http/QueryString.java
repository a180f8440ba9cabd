package dev.strand.internal.http;

import dev.strand.internal.routing.PercentEncoding;

/**
 * Checks a raw query string ({@code a=1&b=x%20y}) before anything reads it, so that a malformed
 * escape answers 400 naming its parameter on every route, whether or not the handler reads the
 * query (Jetty's own parser would only say "Bad query", and only when asked). A URL-encoded form
 * body has the same grammar and is checked the same way when Jetty refuses it.
 */
final class QueryString {

    private QueryString() {
    }

    /**
     * Describes the first malformed parameter of {@code query}, or returns {@code null} when every
     * name and value percent-decodes to UTF-8 ({@link PercentEncoding}). Costs one scan for a query
     * without {@code %}.
     */
    static String malformed(String query) {
        return malformed(query, "query parameter");
    }

    /** As {@link #malformed(String)}, naming the pair {@code what} ({@code "form field"}). */
    static String malformed(String query, String what) {
        if (query.indexOf('%') < 0) return null;
        int start = 0;
        while (start <= query.length()) {
            int end = query.indexOf('&', start);
            if (end < 0) end = query.length();
            int eq = query.indexOf('=', start);
            int nameEnd = eq >= 0 && eq < end ? eq : end;
            String name;
            try {
                name = PercentEncoding.decode(query, start, nameEnd, true);
            } catch (IllegalArgumentException e) {
                return "Malformed " + what + " name '" + query.substring(start, nameEnd) + "': " + e.getMessage();
            }
            if (nameEnd < end) {
                try {
                    PercentEncoding.decode(query, nameEnd + 1, end, true);
                } catch (IllegalArgumentException e) {
                    return "Malformed " + what + " '" + name + "': " + e.getMessage();
                }
            }
            start = end + 1;
        }
        return null;
    }
}
