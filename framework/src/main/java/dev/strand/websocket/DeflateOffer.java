package dev.strand.websocket;

import java.util.List;
import org.eclipse.jetty.websocket.api.ExtensionConfig;

/**
 * Chooses which {@code permessage-deflate} offer of a client to accept (RFC 7692 §5, §7.1): the
 * first one whose parameters this server can honour. An offer with an unknown parameter, a
 * parameter value out of range, or {@code server_max_window_bits} (the JDK's deflater always uses
 * a 32 KiB window, so a smaller one cannot be promised) is declined, and the client's fallback
 * offers are tried in its order. Other extensions are never negotiated.
 */
final class DeflateOffer {
    static final String NAME = "permessage-deflate";

    private DeflateOffer() {
    }

    /** The extensions to accept out of the client's offers: one deflate offer, or none. */
    static List<ExtensionConfig> accept(List<ExtensionConfig> offers) {
        for (var offer : offers) {
            if (NAME.equalsIgnoreCase(offer.getName()) && acceptable(offer)) return List.of(offer);
        }
        return List.of();
    }

    private static boolean acceptable(ExtensionConfig offer) {
        for (var parameter : offer.getParameters().entrySet()) {
            var value = parameter.getValue();
            boolean ok = switch (parameter.getKey()) {
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
        if (value.length() > 2 || value.isEmpty() || !value.chars().allMatch(Character::isDigit)) return false;
        int bits = Integer.parseInt(value);
        return bits >= 8 && bits <= 15;
    }
}
