package dev.strand.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.http.HttpFields;
import org.junit.jupiter.api.Test;

/** Reading proxy headers: RFC 7239 syntax, the walk from the right past trusted hops, and what is refused. */
class TrustedProxiesTest {
    private final TrustedProxies proxies = new TrustedProxies(List.of("10.0.0.0/8", "192.0.2.7", "fd00::/8"));

    @Test
    void parsesForwardedElementsWithQuotedValues() {
        assertEquals(List.of(Map.of("for", "192.0.2.60", "proto", "http", "by", "203.0.113.43"),
                        Map.of("for", "[2001:db8:cafe::17]:4711", "host", "a,b;c")),
                ForwardedHeader.parse("for=192.0.2.60;proto=http;by=203.0.113.43, For=\"[2001:db8:cafe::17]:4711\";host=\"a,b;c\""));
        assertEquals(List.of(), ForwardedHeader.parse(" , "));
    }

    @Test
    void refusesMalformedForwarded() {
        for (var bad : List.of("for", "for=", "for=\"1.2.3.4", "=x", "for=1.2.3.4 proto=http", "for=a;for=b", "for=@")) {
            assertThrows(IllegalArgumentException.class, () -> ForwardedHeader.parse(bad), bad);
        }
    }

    @Test
    void walksForwardedFromTheRightPastTrustedHops() throws Exception {
        var origin = origin("Forwarded", "for=198.51.100.1;proto=http, for=203.0.113.9;proto=https;host=shop.example, for=10.1.2.3");
        assertEquals(InetAddress.getByName("203.0.113.9"), origin.client());
        assertEquals("https", origin.scheme());
        assertEquals("shop.example", origin.host());
    }

    @Test
    void walksXForwardedForFromTheRightAndTakesTheLastProtoHostAndPort() throws Exception {
        var origin = origin("X-Forwarded-For", "6.6.6.6, 198.51.100.4:5555, 192.0.2.7", "X-Forwarded-For", "[fd00::1]",
                "X-Forwarded-Proto", "http, https", "X-Forwarded-Host", "app.example:8443", "X-Forwarded-Port", "9443");
        assertEquals(InetAddress.getByName("198.51.100.4"), origin.client());
        assertEquals("https", origin.scheme());
        assertEquals("app.example", origin.host());
        assertEquals(9443, origin.port());
    }

    @Test
    void whenEveryHopIsTrustedTheLeftMostIsTheClient() throws Exception {
        assertEquals(InetAddress.getByName("10.0.0.1"), origin("X-Forwarded-For", "10.0.0.1, 10.0.0.2").client());
    }

    @Test
    void hiddenHopsNameNoAddress() {
        assertNull(origin("Forwarded", "for=unknown;proto=https").client());
        assertNull(origin("Forwarded", "for=_hidden").client());
    }

    @Test
    void forwardedWinsOverXForwarded() throws Exception {
        var origin = origin("Forwarded", "for=203.0.113.1", "X-Forwarded-For", "198.51.100.1");
        assertEquals(InetAddress.getByName("203.0.113.1"), origin.client());
    }

    @Test
    void refusesValuesATrustedProxyCannotMean() {
        for (var headers : List.of(List.of("X-Forwarded-For", "not-an-ip"), List.of("X-Forwarded-For", "example.com"),
                List.of("X-Forwarded-Proto", "gopher"), List.of("X-Forwarded-Port", "99999"), List.of("X-Forwarded-Host", "a b"),
                List.of("Forwarded", "for=1.2.3.4;proto=ftp"), List.of("Forwarded", "for=\"[::1\""))) {
            assertThrows(IllegalArgumentException.class, () -> origin(headers.toArray(String[]::new)), headers.toString());
        }
    }

    @Test
    void onlyHopsTheWalkReachesAreRead() throws Exception {
        // A client's own garbage left of the first untrusted hop is never examined.
        assertEquals(InetAddress.getByName("203.0.113.5"), origin("X-Forwarded-For", "garbage, 203.0.113.5, 10.0.0.9").client());
    }

    @Test
    void noHeadersTellNothing() {
        assertNull(origin("Accept", "*/*"));
    }

    @Test
    void refusesAnEntryThatIsNotAnAddressOrBlock() {
        assertThrows(IllegalArgumentException.class, () -> new TrustedProxies(List.of("10.0.0.0/99")));
    }

    private TrustedProxies.Origin origin(String... headers) {
        var fields = HttpFields.build();
        for (int i = 0; i < headers.length; i += 2) fields.add(headers[i], headers[i + 1]);
        return proxies.origin(fields);
    }
}
