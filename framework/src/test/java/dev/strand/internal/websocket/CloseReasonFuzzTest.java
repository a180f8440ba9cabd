package dev.strand.internal.websocket;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * WebSocket close reasons. Any reason, cut for the close frame, fits the protocol's 123 bytes of
 * UTF-8, is valid UTF-8 (no character split in two) and is the longest whole-character prefix of
 * the reason that fits; a reason that fits is kept as it is.
 */
class CloseReasonFuzzTest {
    private static final int MAX_REASON_BYTES = 123;

    /** The input is the reason in UTF-16 (two bytes a char), so unpaired surrogates occur too. */
    @FuzzTest
    void reasonsAreCutToWholeCharactersWithinTheLimit(byte[] input) {
        var chars = new char[input.length / 2];
        for (int i = 0; i < chars.length; i++) chars[i] = (char) ((input[2 * i] & 0xFF) << 8 | input[2 * i + 1] & 0xFF);
        var reason = new String(chars);
        var cut = WsConnection.truncate(reason);
        var bytes = cut.getBytes(StandardCharsets.UTF_8);
        assertTrue(bytes.length <= MAX_REASON_BYTES, () -> bytes.length + " bytes");
        assertArrayEquals(bytes, new String(bytes, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8), "valid UTF-8, no character split");
        var whole = reason.getBytes(StandardCharsets.UTF_8);
        if (whole.length <= MAX_REASON_BYTES) {
            assertEquals(reason, cut);
            return;
        }
        assertTrue(Arrays.equals(whole, 0, bytes.length, bytes, 0, bytes.length), "a prefix of the reason");
        int next = bytes.length;
        int charLength = (whole[next] & 0xE0) == 0xC0 ? 2 : (whole[next] & 0xF0) == 0xE0 ? 3 : (whole[next] & 0xF8) == 0xF0 ? 4 : 1;
        assertTrue(next + charLength > MAX_REASON_BYTES, () -> "stopped early at " + next + " bytes");
    }
}
