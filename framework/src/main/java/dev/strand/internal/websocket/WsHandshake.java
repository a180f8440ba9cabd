package dev.strand.internal.websocket;

import dev.strand.HttpException;
import dev.strand.internal.http.StrandContext;
import java.util.Base64;

/**
 * Checks the parts of a client's opening handshake that Jetty leaves to its caller or answers
 * without saying what to change (RFC 6455 §4.2.1, §4.4), before middleware's attributes are put to
 * use and before any upgrade work: an unsupported version answers 426 with the version this
 * server speaks, a missing or malformed key 400.
 */
final class WsHandshake {
    /** The one version RFC 6455 defines. */
    static final String VERSION = "13";
    private static final int KEY_BYTES = 16;

    private WsHandshake() {
    }

    /**
     * Refuses a handshake this server cannot complete.
     *
     * @throws HttpException 426 (with {@code Sec-WebSocket-Version: 13} and {@code Upgrade: websocket})
     *                       for another or no version; 400 for a missing or repeated key, or one that is
     *                       not 16 bytes in base64
     */
    static void check(StrandContext ctx) {
        var version = ctx.header("Sec-WebSocket-Version");
        if (!VERSION.equals(version == null ? null : version.strip())) {
            ctx.setResponseHeader("Upgrade", "websocket").setResponseHeader("Sec-WebSocket-Version", VERSION);
            throw new HttpException(426, version == null
                    ? "This route speaks WebSocket; connect with a WebSocket client"
                    : "Sec-WebSocket-Version " + version + " is not supported; this server speaks version " + VERSION);
        }
        var keys = ctx.headers("Sec-WebSocket-Key");
        if (keys.isEmpty()) throw new HttpException(400, "Missing request header 'Sec-WebSocket-Key'");
        if (keys.size() > 1) throw new HttpException(400, "Sec-WebSocket-Key must be sent once (RFC 6455 §11.3.1)");
        var key = keys.getFirst();
        if (!isKey(key.strip())) {
            throw new HttpException(400, "Sec-WebSocket-Key must be 16 bytes in base64 (RFC 6455 §4.1)");
        }
    }

    private static boolean isKey(String key) {
        try {
            return Base64.getDecoder().decode(key).length == KEY_BYTES;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
