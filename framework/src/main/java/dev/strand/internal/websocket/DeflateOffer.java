package dev.strand.internal.websocket;

import dev.strand.HttpException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/**
 * Reads a client's {@code Sec-WebSocket-Extensions} offers (RFC 6455 §9.1) and chooses which
 * {@code permessage-deflate} offer to accept (RFC 7692 §5, §7.1): the first one whose parameters
 * this server can honour. An offer with an unknown or repeated parameter, a parameter value out of
 * range, or {@code server_max_window_bits} (the JDK's deflater always uses a 32 KiB window, so a
 * smaller one cannot be promised) is declined, and the client's fallback offers are tried in its
 * order. Other extensions are never negotiated.
 */
final class DeflateOffer {
    static final String NAME = "permessage-deflate";

    private DeflateOffer() {
    }

    /** One offered extension: its name and parameters in the order given (a value may be {@code null}). */
    record Offer(String name, List<String[]> parameters) {}

    /**
     * Which of the offered {@code permessage-deflate} extensions to accept, counted among the
     * deflate offers only: 0 for the first, -1 for none.
     *
     * @param headers every {@code Sec-WebSocket-Extensions} value of the request
     * @throws HttpException 400 when a value breaks the header's grammar
     */
    static int choose(List<String> headers) {
        int deflate = 0;
        for (var offer : parse(headers)) {
            if (!NAME.equalsIgnoreCase(offer.name())) continue;
            if (acceptable(offer)) return deflate;
            deflate++;
        }
        return -1;
    }

    private static boolean acceptable(Offer offer) {
        var seen = new HashSet<String>();
        for (var parameter : offer.parameters()) {
            var key = parameter[0].toLowerCase(java.util.Locale.ROOT);
            var value = parameter[1];
            if (!seen.add(key)) return false;
            boolean ok = switch (key) {
                case "client_no_context_takeover", "server_no_context_takeover" -> value == null;
                // the client may use a smaller window; the JDK's inflater reads any of them
                case "client_max_window_bits" -> value == null || isWindowBits(value);
                default -> false;
            };
            if (!ok) return false;
        }
        return true;
    }

    private static boolean isWindowBits(String value) {
        if (value.isEmpty() || value.length() > 2 || !value.chars().allMatch(c -> c >= '0' && c <= '9')) return false;
        int bits = Integer.parseInt(value);
        return bits >= 8 && bits <= 15;
    }

    /** Parses {@code 1#( token *( ";" token [ "=" ( token / quoted-string ) ] ) )}; empty list elements are skipped. */
    static List<Offer> parse(List<String> headers) {
        var offers = new ArrayList<Offer>();
        for (var header : headers) {
            var p = new Cursor(header);
            while (true) {
                p.skipSpace();
                if (p.done()) break;
                if (p.peek() == ',') {
                    p.next();
                    continue;
                }
                var name = p.token("an extension name");
                var parameters = new ArrayList<String[]>();
                p.skipSpace();
                while (!p.done() && p.peek() == ';') {
                    p.next();
                    p.skipSpace();
                    var key = p.token("a parameter name");
                    p.skipSpace();
                    String value = null;
                    if (!p.done() && p.peek() == '=') {
                        p.next();
                        p.skipSpace();
                        value = !p.done() && p.peek() == '"' ? p.quoted() : p.token("a parameter value");
                        p.skipSpace();
                    }
                    parameters.add(new String[] {key, value});
                }
                if (!p.done() && p.peek() != ',') throw p.malformed("',' or ';'");
                offers.add(new Offer(name, parameters));
            }
        }
        return offers;
    }

    private static final class Cursor {
        private final String text;
        private int at;

        Cursor(String text) {
            this.text = text;
        }

        boolean done() {
            return at >= text.length();
        }

        char peek() {
            return text.charAt(at);
        }

        void next() {
            at++;
        }

        void skipSpace() {
            while (!done() && (peek() == ' ' || peek() == '\t')) at++;
        }

        String token(String what) {
            int start = at;
            while (!done() && isTokenChar(peek())) at++;
            if (start == at) throw malformed(what);
            return text.substring(start, at);
        }

        String quoted() {
            var value = new StringBuilder();
            at++;
            while (!done() && peek() != '"') {
                if (peek() == '\\') at++;
                if (done()) break;
                value.append(peek());
                at++;
            }
            if (done()) throw malformed("a closing '\"'");
            at++;
            return value.toString();
        }

        HttpException malformed(String expected) {
            return new HttpException(400, "Malformed Sec-WebSocket-Extensions: expected " + expected + " at character "
                    + (at + 1) + " (RFC 6455 §9.1)");
        }

        private static boolean isTokenChar(char c) {
            return c > 0x20 && c < 0x7f && "()<>@,;:\\\"/[]?={}".indexOf(c) < 0;
        }
    }
}
