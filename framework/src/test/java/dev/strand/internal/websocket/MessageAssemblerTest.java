package dev.strand.internal.websocket;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.strand.websocket.WsMessage;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.eclipse.jetty.websocket.core.Frame;
import org.eclipse.jetty.websocket.core.OpCode;
import org.eclipse.jetty.websocket.core.exception.BadPayloadException;
import org.eclipse.jetty.websocket.core.exception.MessageTooLargeException;
import org.junit.jupiter.api.Test;

/**
 * Messages put back together from their frames (RFC 6455 §5.4): in one frame or many, with
 * characters split between frames, the UTF-8 check (§8.1) and the size limit over the whole message.
 */
class MessageAssemblerTest {

    @Test
    void aCharacterSplitBetweenFramesIsDecodedWhole() {
        var assembler = new MessageAssembler(0);
        var check = "✓".getBytes(StandardCharsets.UTF_8);
        assertNull(assembler.accept(frame(OpCode.TEXT, false, new byte[] {'o', 'k', ' ', check[0]})));
        assertNull(assembler.accept(frame(OpCode.CONTINUATION, false, new byte[] {check[1]})));
        var message = assembler.accept(frame(OpCode.CONTINUATION, true, new byte[] {check[2], '!'}));
        assertEquals(new WsMessage.Text("ok ✓!"), message);
    }

    @Test
    void binaryFragmentsAreJoinedInOrderAndTheNextMessageStartsAfresh() {
        var assembler = new MessageAssembler(0);
        assertNull(assembler.accept(frame(OpCode.BINARY, false, new byte[] {1, 2})));
        assertNull(assembler.accept(frame(OpCode.CONTINUATION, false, new byte[0])));
        assertArrayEquals(new byte[] {1, 2, 3}, assembler.accept(frame(OpCode.CONTINUATION, true, new byte[] {3})).bytes());
        assertEquals(new WsMessage.Text("next"), assembler.accept(frame(OpCode.TEXT, true, "next".getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void theLimitCountsTheWholeMessageAndTheAssemblerIsClearAfterwards() {
        var assembler = new MessageAssembler(4);
        assertNull(assembler.accept(frame(OpCode.TEXT, false, new byte[] {'a', 'b', 'c'})));
        assertThrows(MessageTooLargeException.class, () -> assembler.accept(frame(OpCode.CONTINUATION, true, new byte[] {'d', 'e'})));
        assertEquals(new WsMessage.Text("abcd"), assembler.accept(frame(OpCode.TEXT, true, new byte[] {'a', 'b', 'c', 'd'})));
    }

    @Test
    void aMessageEndingInsideACharacterIsRefused() {
        var assembler = new MessageAssembler(0);
        assertNull(assembler.accept(frame(OpCode.TEXT, false, new byte[] {'a'})));
        assertThrows(BadPayloadException.class, () -> assembler.accept(frame(OpCode.CONTINUATION, true, new byte[] {(byte) 0xe2, (byte) 0x82})));
        assertEquals(new WsMessage.Text("b"), assembler.accept(frame(OpCode.TEXT, true, new byte[] {'b'})));
    }

    /**
     * Any bytes, cut into frames anywhere (the first input byte picks the cuts): the text is the
     * bytes decoded strictly as UTF-8, or refused exactly when the JDK's strict decoder refuses them.
     */
    @FuzzTest
    void textCutAnywhereDecodesAsTheWholeWould(byte[] input) {
        if (input.length == 0) return;
        int cutEvery = 1 + (input[0] & 0x07);
        var bytes = Arrays.copyOfRange(input, 1, input.length);
        String expected;
        try {
            expected = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            expected = null;
        }
        var assembler = new MessageAssembler(0);
        WsMessage message = null;
        try {
            for (int at = 0; at == 0 || at < bytes.length; at += cutEvery) {
                int end = Math.min(bytes.length, at + cutEvery);
                message = assembler.accept(frame(at == 0 ? OpCode.TEXT : OpCode.CONTINUATION, end == bytes.length,
                        Arrays.copyOfRange(bytes, at, end)));
            }
        } catch (BadPayloadException e) {
            assertNull(expected, () -> "refused " + Arrays.toString(bytes) + ", which the JDK decodes");
            return;
        }
        assertEquals(expected == null ? null : new WsMessage.Text(expected), message);
    }

    private static Frame frame(byte opCode, boolean fin, byte[] payload) {
        return new Frame(opCode, fin, ByteBuffer.wrap(payload));
    }
}
