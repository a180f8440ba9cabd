package dev.strand.internal.websocket;

import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * Decides whether a browser page may open a WebSocket: the server's own origin always may, the
 * route's allowed origins may ({@code "*"}: any), others may not. A request without
 * {@code Origin} comes from a non-browser client, which origins cannot restrict anyway.
 */
final class OriginPolicy {
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
        try {
            var uri = URI.create(origin);
            if (uri.getHost() == null) return false;
            int port = uri.getPort() != -1 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
            var expected = uri.getHost().toLowerCase(Locale.ROOT) + ":" + port;
            var actual = host.toLowerCase(Locale.ROOT);
            if (!actual.contains(":") || actual.endsWith("]")) actual = actual + ":" + (port == 443 ? 443 : 80);
            return expected.equals(actual) || ("[" + uri.getHost() + "]:" + port).equalsIgnoreCase(actual);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
