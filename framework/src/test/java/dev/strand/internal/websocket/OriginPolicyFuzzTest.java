package dev.strand.internal.websocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.strand.fuzz.FuzzInput;
import java.util.List;
import java.util.Locale;

/**
 * The WebSocket origin check. An {@code Origin} header is allowed only when it is absent, on the
 * route's allow-list ({@code *} or an exact, case-insensitive entry), or names the very host the
 * request's {@code Host} header names, as a browser's URL parser reads the origin (so no userinfo,
 * backslash, suffix or look-alike trick passes); and a serialized origin that names that host is
 * always allowed. The check never throws.
 */
class OriginPolicyFuzzTest {

    /**
     * Fields: mode, origin, host, allow-list entries. Mode bit 1 leaves the origin out; bit 2
     * builds a same-origin pair from the host field (cut to a host name and optional port), with
     * the origin in lower case and the scheme https when bit 4 is set.
     */
    @FuzzTest
    void allowsOnlyTheSameHostOrTheAllowList(byte[] input) {
        var fields = FuzzInput.fields(input);
        int mode = fields.get(0).isEmpty() ? 0 : fields.get(0).charAt(0);
        var origin = FuzzInput.field(fields, 1);
        var host = FuzzInput.field(fields, 2);
        var allowed = fields.size() > 3 ? fields.subList(3, fields.size()) : List.<String>of();
        if ((mode & 2) != 0) {
            host = hostName(host == null ? "" : host);
            origin = ((mode & 4) != 0 ? "https://" : "http://") + host.toLowerCase(Locale.ROOT);
            if (host.isEmpty() || host.startsWith(":")) return;
            assertTrue(OriginPolicy.allows(origin, host, List.of()), origin + " from a page on " + host);
            return;
        }
        if ((mode & 1) != 0) origin = null;
        boolean allows = OriginPolicy.allows(origin, host, allowed);
        if (origin == null) {
            assertTrue(allows, "no Origin: not a browser");
            return;
        }
        var listed = origin;
        if (allowed.stream().anyMatch(a -> a.equals("*") || a.equalsIgnoreCase(listed))) {
            assertTrue(allows, "allow-listed " + origin);
            return;
        }
        if (allows) {
            assertTrue(host != null, "allowed without a Host");
            assertEquals(hostOf(host), browserHost(origin), () -> "allowed " + listed + " for Host " + fields.get(2));
        }
    }

    /** The host a browser's URL parser takes from an origin: after {@code scheme://}, before any port, path, userinfo. */
    private static String browserHost(String origin) {
        int scheme = origin.indexOf("://");
        if (scheme < 0) return null;
        var rest = origin.substring(scheme + 3);
        int end = indexOfAny(rest, "/?#\\");
        var authority = end < 0 ? rest : rest.substring(0, end);
        authority = authority.substring(authority.lastIndexOf('@') + 1);
        return hostOf(authority);
    }

    /** The host of a {@code host[:port]} or {@code [v6][:port]} authority, lower case. */
    private static String hostOf(String authority) {
        var host = authority.startsWith("[") && authority.indexOf(']') > 0
                ? authority.substring(1, authority.indexOf(']'))
                : authority.lastIndexOf(':') >= 0 ? authority.substring(0, authority.lastIndexOf(':')) : authority;
        return host.toLowerCase(Locale.ROOT);
    }

    private static int indexOfAny(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) return i;
        }
        return -1;
    }

    /** The field cut to host name characters (letters, digits, {@code .-_}), then an optional {@code :port} of up to 5 digits. */
    private static String hostName(String field) {
        int colon = field.indexOf(':');
        var name = (colon < 0 ? field : field.substring(0, colon)).replaceAll("[^A-Za-z0-9._-]", "");
        name = name.replaceAll("\\.{2,}", ".").replaceAll("^[.-]+|[.-]+$", "");
        if (colon < 0) return name;
        var port = field.substring(colon + 1).replaceAll("[^0-9]", "");
        port = port.length() > 5 ? port.substring(0, 5) : port;
        // as browsers write it, without leading zeros
        return port.isEmpty() || Integer.parseInt(port) > 65535 ? name : name + ":" + Integer.parseInt(port);
    }
}
