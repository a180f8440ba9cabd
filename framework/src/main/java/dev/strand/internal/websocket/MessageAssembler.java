package dev.strand.internal.websocket;

import dev.strand.websocket.WsMessage;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import org.eclipse.jetty.util.Utf8StringBuilder;
import org.eclipse.jetty.websocket.core.Frame;
import org.eclipse.jetty.websocket.core.OpCode;
import org.eclipse.jetty.websocket.core.exception.BadPayloadException;
import org.eclipse.jetty.websocket.core.exception.MessageTooLargeException;

/**
 * Puts one connection's messages back together from their data frames (RFC 6455 §5.4), checking
 * that text is UTF-8 (§8.1, else 1007) and that no message passes the route's size limit (§7.4.1,
 * else 1009). Jetty's parser has already checked the order of the frames (a continuation only
 * inside a message, no new message inside one), so this only collects.
 *
 * <p>An unfragmented message, the common case, is decoded straight from its frame into a buffer
 * of its own size. Jetty's message sinks start every text message with a buffer the size of the
 * connection's whole input buffer (4 KB), which was most of the bytes allocated per echoed message.
 *
 * <p>Not thread-safe: Jetty delivers a connection's frames one at a time.
 */
final class MessageAssembler {
    private final long maxSize;
    /** The opcode of the message whose first frames have come, or {@link OpCode#UNDEFINED}. */
    private byte partial = OpCode.UNDEFINED;
    private long size;
    private Utf8StringBuilder text;
    private ByteArrayOutputStream binary;

    /** An assembler refusing messages of more than {@code maxSize} bytes; zero or less for no limit. */
    MessageAssembler(long maxSize) {
        this.maxSize = maxSize;
    }

    /**
     * Takes the next data frame; returns the message it completes, or {@code null} while more
     * frames are to come.
     *
     * @throws MessageTooLargeException when the message passes the limit (Jetty closes with 1009)
     * @throws BadPayloadException when a text message is not UTF-8 (Jetty closes with 1007)
     */
    WsMessage accept(Frame frame) {
        var payload = frame.getPayload();
        int length = payload == null ? 0 : payload.remaining();
        byte opCode = frame.getOpCode() == OpCode.CONTINUATION ? partial : frame.getOpCode();
        size += length;
        if (maxSize > 0 && size > maxSize) {
            reset();
            throw new MessageTooLargeException((opCode == OpCode.TEXT ? "Text" : "Binary") + " message too large: more than "
                    + maxSize + " bytes");
        }
        if (frame.isFin() && partial == OpCode.UNDEFINED) {
            size = 0;
            return opCode == OpCode.TEXT ? new WsMessage.Text(decode(new Utf8StringBuilder(length), payload))
                    : new WsMessage.Binary(bytes(payload, length));
        }
        partial = opCode;
        if (opCode == OpCode.TEXT) {
            if (text == null) text = new Utf8StringBuilder(Math.max(length * 2, 256));
            if (payload != null) text.append(payload);
        } else {
            if (binary == null) binary = new ByteArrayOutputStream(Math.max(length * 2, 256));
            binary.write(bytes(payload, length), 0, length);
        }
        if (!frame.isFin()) return null;
        WsMessage message = opCode == OpCode.TEXT ? new WsMessage.Text(decode(text, null))
                : new WsMessage.Binary(binary.toByteArray());
        reset();
        return message;
    }

    /** Forgets a message cut short by the connection's end or an error. */
    void reset() {
        partial = OpCode.UNDEFINED;
        size = 0;
        text = null;
        binary = null;
    }

    private String decode(Utf8StringBuilder builder, ByteBuffer payload) {
        if (payload != null) builder.append(payload);
        try {
            return builder.takeCompleteString(BadPayloadException.InvalidUtf8::new);
        } catch (BadPayloadException e) {
            reset();
            throw e;
        }
    }

    private static byte[] bytes(ByteBuffer payload, int length) {
        var bytes = new byte[length];
        if (payload != null) payload.get(bytes);
        return bytes;
    }
}
