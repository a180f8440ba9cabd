package dev.strand.internal.websocket;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Decides whether a browser page may open a WebSocket: the server's own origin always may, the
 * route's allowed origins may ({@code "*"}: any), others may not. A request without
 * {@code Origin} comes from a non-browser client, which origins cannot restrict anyway.
 */
final class OriginPolicy {
    /**
     * What a browser sends (RFC 6454, 6.2): scheme, {@code ://}, host, optional port, nothing else.
     * Parsed by hand because {@link java.net.URI}'s older grammar has no host for names browsers
     * accept, such as {@code web_app} or {@code app.7x}.
     */
    private static final Pattern SERIALIZED_ORIGIN =
            Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*)://([^:/?#@\\[\\]\\\\]+|\\[[0-9A-Fa-f:.]+\\])(?::([0-9]{1,5}))?");

    private OriginPolicy() {
    }

    static boolean allows(String origin, String host, List<String> allowed) {
        if (origin == null) return true;
        for (var a : allowed) {
            if (a.equals("*") || a.equalsIgnoreCase(origin)) return true;
        }
        return host != null && sameOrigin(origin, host);
    }

    private static boolean sameOrigin(String origin, String host) {
        var serialized = SERIALIZED_ORIGIN.matcher(origin);
        if (!serialized.matches()) return false;
        var scheme = serialized.group(1);
        int port = serialized.group(3) != null ? Integer.parseInt(serialized.group(3)) : "https".equalsIgnoreCase(scheme) ? 443 : 80;
        var expected = serialized.group(2).toLowerCase(Locale.ROOT) + ":" + port;
        var actual = host.toLowerCase(Locale.ROOT);
        if (!actual.contains(":") || actual.endsWith("]")) actual = actual + ":" + (port == 443 ? 443 : 80);
        return expected.equals(actual);
    }
}
