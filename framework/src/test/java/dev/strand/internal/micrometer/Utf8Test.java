package dev.strand.internal.micrometer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Utf8Test {

    @Test
    void countsWhatTheEncoderWrites() {
        for (var text : new String[] {"", "plain", "héllo", "€uro", "😀 emoji", "mixed é € 😀", "\u0000", "\u07FF\u0800"}) {
            assertEquals(text.getBytes(StandardCharsets.UTF_8).length, Utf8.length(text), text);
        }
    }

    @Test
    void anUnpairedSurrogateCountsAsTheEncodersReplacement() {
        assertEquals("\uD800".getBytes(StandardCharsets.UTF_8).length, Utf8.length("\uD800"));
        assertEquals("a\uDC00b".getBytes(StandardCharsets.UTF_8).length, Utf8.length("a\uDC00b"));
    }
}
