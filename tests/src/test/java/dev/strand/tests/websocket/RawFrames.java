package dev.strand.tests.websocket;

import dev.strand.tests.corpus.WsFrame;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Shorthands over the corpus's {@link WsFrame} for {@link RawWebSocket} tests that fragment a
 * message anywhere (inside a UTF-8 character too) and put control frames between its fragments.
 */
final class RawFrames {

    private RawFrames() {
    }

    /** A masked frame, final or not. */
    static byte[] frame(boolean fin, int opcode, byte[] payload) {
        return WsFrame.maskedRaw((fin ? 0x80 : 0) | opcode, payload);
    }

    static byte[] frame(boolean fin, int opcode, String text) {
        return frame(fin, opcode, text.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] close(int code, String reason) {
        return WsFrame.close(code, reason.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] concat(byte[]... parts) {
        var out = new ByteArrayOutputStream();
        for (var p : parts) out.writeBytes(p);
        return out.toByteArray();
    }

    /** The next frame from the server that is not a ping of its heartbeat; fails at the end of the stream. */
    static WsFrame readSkippingPings(InputStream in) throws IOException {
        for (;;) {
            var f = WsFrame.read(in);
            if (f == null) throw new EOFException("the server closed the connection");
            if (f.opcode() != WsFrame.PING) return f;
        }
    }
}
