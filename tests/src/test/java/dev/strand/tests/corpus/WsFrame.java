package dev.strand.tests.corpus;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * One WebSocket frame (RFC 6455 §5.2) as raw bytes, built bit by bit so that a row can break any
 * rule: unmasked, reserved bits, reserved opcodes, lengths that lie. Reading parses the server's
 * (unmasked) frames.
 *
 * @param b0      the first byte: FIN, RSV1-3 and the opcode
 * @param payload the application data, unmasked
 */
public record WsFrame(int b0, byte[] payload) {
    public static final int CONTINUATION = 0x0;
    public static final int TEXT = 0x1;
    public static final int BINARY = 0x2;
    public static final int CLOSE = 0x8;
    public static final int PING = 0x9;
    public static final int PONG = 0xA;

    /** The fixed mask key every masked frame uses; the value does not matter to the server. */
    private static final byte[] MASK = {0x37, (byte) 0xfa, 0x21, 0x3d};

    public int opcode() {
        return b0 & 0x0f;
    }

    public boolean fin() {
        return (b0 & 0x80) != 0;
    }

    /** The payload as UTF-8 text. */
    public String text() {
        return new String(payload, StandardCharsets.UTF_8);
    }

    /** The close code of a close frame, or 1005 ("no status") when it carries none. */
    public int closeCode() {
        return payload.length < 2 ? 1005 : ((payload[0] & 0xff) << 8) | (payload[1] & 0xff);
    }

    /** The reason of a close frame, empty when it carries none. */
    public String closeReason() {
        return payload.length <= 2 ? "" : new String(payload, 2, payload.length - 2, StandardCharsets.UTF_8);
    }

    /** A final, masked frame: what a well-behaved client sends. */
    static byte[] masked(int opcode, byte[] payload) {
        return encode(0x80 | opcode, true, payload);
    }

    static byte[] masked(int opcode, String text) {
        return masked(opcode, text.getBytes(StandardCharsets.UTF_8));
    }

    /** A masked frame with any first byte: FIN off, reserved bits on, reserved opcodes. */
    public static byte[] maskedRaw(int b0, byte[] payload) {
        return encode(b0, true, payload);
    }

    /** A final frame without a mask, which a server must refuse (RFC 6455 §5.1). */
    static byte[] unmasked(int opcode, byte[] payload) {
        return encode(0x80 | opcode, false, payload);
    }

    /** A masked close frame with a code and raw reason bytes. */
    public static byte[] close(int code, byte[] reason) {
        var payload = ByteBuffer.allocate(2 + reason.length).putShort((short) code).put(reason).array();
        return masked(CLOSE, payload);
    }

    static byte[] close(int code) {
        return close(code, new byte[0]);
    }

    /**
     * The header of a masked frame announcing {@code length} bytes in the 64-bit form, followed
     * by no payload at all: a frame that lies about its size.
     */
    static byte[] announcing(int opcode, long length) {
        return ByteBuffer.allocate(14).put((byte) (0x80 | opcode)).put((byte) (0x80 | 127)).putLong(length).put(MASK).array();
    }

    private static byte[] encode(int b0, boolean mask, byte[] payload) {
        var out = new ByteArrayOutputStream();
        out.write(b0);
        int maskBit = mask ? 0x80 : 0;
        if (payload.length < 126) {
            out.write(maskBit | payload.length);
        } else if (payload.length < 65536) {
            out.write(maskBit | 126);
            out.write(payload.length >>> 8);
            out.write(payload.length & 0xff);
        } else {
            out.write(maskBit | 127);
            out.writeBytes(ByteBuffer.allocate(8).putLong(payload.length).array());
        }
        if (mask) {
            out.writeBytes(MASK);
            for (int i = 0; i < payload.length; i++) out.write(payload[i] ^ MASK[i % 4]);
        } else {
            out.writeBytes(payload);
        }
        return out.toByteArray();
    }

    /** Reads the next frame the server sent, or {@code null} at the end of the stream. */
    public static WsFrame read(InputStream in) throws IOException {
        int b0 = in.read();
        if (b0 < 0) return null;
        int b1 = readByte(in);
        long length = b1 & 0x7f;
        if (length == 126) {
            length = (readByte(in) << 8) | readByte(in);
        } else if (length == 127) {
            length = ByteBuffer.wrap(in.readNBytes(8)).getLong();
        }
        if ((b1 & 0x80) != 0) in.readNBytes(4); // a server never masks, but skip a key if it did
        if (length < 0 || length > 16 << 20) throw new IOException("the server sent a frame of " + length + " bytes");
        var payload = in.readNBytes((int) length);
        if (payload.length < length) throw new EOFException("the stream ended inside a frame");
        return new WsFrame(b0, payload);
    }

    private static int readByte(InputStream in) throws IOException {
        int b = in.read();
        if (b < 0) throw new EOFException("the stream ended inside a frame header");
        return b;
    }
}
