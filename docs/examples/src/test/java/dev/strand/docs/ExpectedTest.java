package dev.strand.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

/** How the walkthrough compares what a page shows with what a command printed. */
class ExpectedTest {

    @Test
    void linesMustShowUpInThePagesOrder() {
        var expected = Expected.of(List.of("HTTP/1.1 201 Created", "Location: /todos/1"), List.of());
        assertNull(expected.missingFrom("HTTP/1.1 201 Created\nDate: today\nLocation: /todos/1\n"));
        assertEquals("\\QLocation: /todos/1\\E", expected.missingFrom("Location: /todos/1\nHTTP/1.1 201 Created\n"));
        assertEquals("\\QHTTP/1.1 201 Created\\E", expected.missingFrom("HTTP/1.1 415 Unsupported Media Type\n"));
    }

    @Test
    void aBodyWithoutANewlineMayRunIntoTheNextOutput() {
        var expected = Expected.of(List.of("Hello, ada", "{\"text\":\"Hello, grace\",\"length\":5}"), List.of());
        assertNull(expected.missingFrom("Hello, ada{\"text\":\"Hello, grace\",\"length\":5}"));
    }

    @Test
    void dotsAndVaryingWordsStandForWhatDiffersFromRunToRun() {
        var token = Expected.of(List.of("{\"user\":\"ada\",\"token\":\"...\"}", "..."), List.of());
        assertNull(token.missingFrom("{\"user\":\"ada\",\"token\":\"k3J_x9\"}"));
        var id = Expected.of(List.of("id: mbq0x3v2-2"), List.of("mbq0x3v2"));
        assertNull(id.missingFrom("event: reading\nid: mj4k2a1-2\n"));
        assertEquals("\\Qid: \\E\\S+?\\Q-2\\E", id.missingFrom("id: mj4k2a1-1\n"));
    }

    @Test
    void theOutputOfABlockIsItsHashLines() {
        assertEquals(List.of("{\"relayUp\":true}", "", "x"),
                Expected.outputOf(List.of("curl localhost:8081/health", "# {\"relayUp\":true}", "#", "# x")));
    }
}
