package dev.strand.internal.http;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.http.HostPortHttpField;
import org.eclipse.jetty.server.ConnectionMetaData;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.HostPort;
import org.eclipse.jetty.util.InetAddressSet;

/**
 * Believes {@code Forwarded} (RFC 7239) or, when a request has none, {@code X-Forwarded-For},
 * {@code -Proto}, {@code -Host} and {@code -Port}, but only from a peer in the trusted set: the
 * request then carries the client's address, scheme and host as the proxy saw them, for the
 * Context, the WebSocket origin check and Jetty's own redirects alike. From any other peer the
 * headers are ignored.
 *
 * <p>Jetty's {@code ForwardedRequestCustomizer} believes every peer and takes the left-most
 * {@code X-Forwarded-For}, which the client writes; this reads hops from the right, skipping
 * trusted proxies, so the address is the first one no trusted proxy vouches for.
 *
 * <p>A header a trusted proxy sent that cannot be read answers 400 rather than being ignored:
 * ignoring it would report the proxy's own address (or a guess) as the client's, silently, to
 * every rate limit and allow-list downstream.
 */
final class TrustedProxies implements HttpConfiguration.Customizer {
    private final InetAddressSet trusted = new InetAddressSet();

    /**
     * @param proxies IP addresses and CIDR blocks, as {@code StrandConfig} checked them
     * @throws IllegalArgumentException for an entry that is not one
     */
    TrustedProxies(List<String> proxies) {
        for (var proxy : proxies) {
            try {
                trusted.add(proxy);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("trustedProxies entry '" + proxy + "' is not an IP address or CIDR block", e);
            }
        }
    }

    /** Where a request really came from, as the trusted proxies tell it; {@code null} parts were not told. */
    record Origin(InetAddress client, String scheme, String host, int port) {}

    @Override
    public Request customize(Request request, HttpFields.Mutable responseHeaders) {
        if (!trusted(request.getConnectionMetaData().getRemoteSocketAddress())) return request;
        Origin origin;
        try {
            origin = origin(request.getHeaders());
        } catch (IllegalArgumentException e) {
            throw new HttpException.RuntimeException(400, "Unreadable proxy header from a trusted proxy: " + e.getMessage());
        }
        return origin == null ? request : new Forwarded(request, origin);
    }

    private boolean trusted(SocketAddress peer) {
        return peer instanceof InetSocketAddress inet && inet.getAddress() != null && trusted.test(inet.getAddress());
    }

    private boolean trusted(InetAddress address) {
        return address != null && trusted.test(address);
    }

    /**
     * What the headers tell, {@code Forwarded} first; {@code null} when they tell nothing.
     *
     * @throws IllegalArgumentException for a header that cannot be read
     */
    Origin origin(HttpFields headers) {
        var forwarded = joined(headers, HttpHeader.FORWARDED);
        if (forwarded != null) return fromForwarded(forwarded);
        var forwardedFor = joined(headers, HttpHeader.X_FORWARDED_FOR);
        var proto = rightMost(joined(headers, HttpHeader.X_FORWARDED_PROTO));
        var host = rightMost(joined(headers, HttpHeader.X_FORWARDED_HOST));
        var port = rightMost(joined(headers, HttpHeader.X_FORWARDED_PORT));
        if (forwardedFor == null && proto == null && host == null && port == null) return null;
        InetAddress client = null;
        if (forwardedFor != null) {
            var hops = new ArrayList<String>();
            for (var hop : forwardedFor.split(",")) hops.add(hop.strip());
            client = client(hops, "X-Forwarded-For");
        }
        var hostPort = host == null ? null : hostPort(host, "X-Forwarded-Host");
        int portNumber = hostPort != null && hostPort.getPort() > 0 ? hostPort.getPort() : -1;
        if (port != null) portNumber = port(port);
        return new Origin(client, proto == null ? null : scheme(proto, "X-Forwarded-Proto"),
                hostPort == null ? null : hostPort.getHost(), portNumber);
    }

    /** RFC 7239: the element the first untrusted hop from the right is named in gives address, proto and host. */
    private Origin fromForwarded(String value) {
        var elements = ForwardedHeader.parse(value);
        if (elements.isEmpty()) return null;
        var hops = new ArrayList<String>();
        for (var element : elements) hops.add(element.get("for"));
        int chosen = hop(hops, "Forwarded for=");
        Map<String, String> element = elements.get(chosen);
        var proto = element.get("proto");
        var host = element.get("host");
        var hostPort = host == null ? null : hostPort(host, "Forwarded host=");
        return new Origin(address(hops.get(chosen), "Forwarded for="), proto == null ? null : scheme(proto, "Forwarded proto="),
                hostPort == null ? null : hostPort.getHost(), hostPort == null ? -1 : hostPort.getPort());
    }

    private InetAddress client(List<String> hops, String header) {
        return address(hops.get(hop(hops, header)), header);
    }

    /**
     * The index of the client among {@code hops} (left to right as the proxies appended them):
     * the right-most that is not a trusted proxy, or the left-most when all are.
     */
    private int hop(List<String> hops, String header) {
        int i = hops.size() - 1;
        while (i > 0 && trusted(address(hops.get(i), header))) i--;
        return i;
    }

    /**
     * The IP address of a hop ({@code 192.0.2.1}, {@code 192.0.2.1:4711}, {@code [2001:db8::1]:4711},
     * {@code 2001:db8::1}), or {@code null} for one a proxy hides ({@code unknown}, {@code _name}, absent).
     */
    static InetAddress address(String hop, String header) {
        if (hop == null || hop.equalsIgnoreCase("unknown") || hop.startsWith("_")) return null;
        String literal;
        if (hop.startsWith("[")) {
            int close = hop.indexOf(']');
            if (close < 0) throw new IllegalArgumentException(header + " '" + hop + "' lacks the closing ']'");
            literal = hop.substring(1, close);
        } else {
            int colon = hop.indexOf(':');
            literal = colon >= 0 && colon == hop.lastIndexOf(':') ? hop.substring(0, colon) : hop;
        }
        if (!isLiteral(literal)) throw new IllegalArgumentException(header + " '" + hop + "' is not an IP address");
        try {
            return InetAddress.getByName(literal);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(header + " '" + hop + "' is not an IP address");
        }
    }

    /** Whether {@code text} is an IP literal, so that {@link InetAddress#getByName} will not look up a name. */
    private static boolean isLiteral(String text) {
        if (text.isEmpty()) return false;
        if (text.indexOf(':') >= 0) return text.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == ':' || c == '.');
        return text.matches("(?:(?:25[0-5]|2[0-4]\\d|1?\\d?\\d)\\.){3}(?:25[0-5]|2[0-4]\\d|1?\\d?\\d)");
    }

    private static String scheme(String proto, String header) {
        var scheme = proto.toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException(header + " '" + proto + "' is neither http nor https");
        }
        return scheme;
    }

    private static HostPort hostPort(String value, String header) {
        try {
            var hostPort = new HostPort(value);
            if (hostPort.getHost().isEmpty()) throw new IllegalArgumentException("empty host");
            return hostPort;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(header + " '" + value + "' is not a host[:port]");
        }
    }

    private static int port(String value) {
        try {
            int port = Integer.parseInt(value);
            if (port >= 1 && port <= 65535) return port;
        } catch (NumberFormatException ignored) {
            // answered below, as for a number out of range
        }
        throw new IllegalArgumentException("X-Forwarded-Port '" + value + "' is not a port number 1..65535");
    }

    /** All values of a header, lines joined with {@code ,}, or {@code null} without any. */
    private static String joined(HttpFields headers, HttpHeader header) {
        var values = headers.getValuesList(header);
        return values.isEmpty() ? null : String.join(",", values);
    }

    /**
     * The right-most value of a list header: the one the proxy next to this server wrote, where
     * a left one may be the client's own.
     */
    private static String rightMost(String list) {
        if (list == null) return null;
        var value = list.substring(list.lastIndexOf(',') + 1).strip();
        return value.isEmpty() ? null : value;
    }

    /** The request as the client made it: the forwarded address, scheme and authority in place of the proxy's. */
    private static final class Forwarded extends Request.Wrapper {
        private final HttpURI uri;
        private final HttpFields headers;
        private final ConnectionMetaData metaData;
        private final boolean secure;

        Forwarded(Request request, Origin origin) {
            super(request);
            var original = request.getHttpURI();
            var scheme = origin.scheme() != null ? origin.scheme() : original.getScheme();
            var builder = HttpURI.build(original).scheme(scheme);
            var fields = request.getHeaders();
            if (origin.host() != null || origin.port() > 0) {
                var host = origin.host() != null ? origin.host() : Request.getServerName(request);
                // A forwarded host without a port means the scheme's default, not this connector's port.
                int port = origin.port() > 0 ? origin.port() : origin.host() != null ? 0 : Request.getServerPort(request);
                builder.authority(host, port);
                // Jetty refuses a request whose Host differs from its URI's authority; both say the client's.
                fields = HttpFields.build(fields, new HostPortHttpField(host, port));
            }
            this.uri = builder.asImmutable();
            this.headers = fields;
            this.secure = "https".equals(scheme);
            var client = origin.client();
            var peer = request.getConnectionMetaData().getRemoteSocketAddress();
            var remote = client == null ? peer
                    : new InetSocketAddress(client, peer instanceof InetSocketAddress inet ? inet.getPort() : 0);
            var authority = new HostPort(uri.getHost(), uri.getPort());
            this.metaData = new ConnectionMetaData.Wrapper(request.getConnectionMetaData()) {
                @Override
                public SocketAddress getRemoteSocketAddress() {
                    return remote;
                }

                @Override
                public HostPort getServerAuthority() {
                    return authority;
                }
            };
        }

        @Override
        public HttpURI getHttpURI() {
            return uri;
        }

        @Override
        public HttpFields getHeaders() {
            return headers;
        }

        @Override
        public boolean isSecure() {
            return secure;
        }

        @Override
        public ConnectionMetaData getConnectionMetaData() {
            return metaData;
        }
    }
}
