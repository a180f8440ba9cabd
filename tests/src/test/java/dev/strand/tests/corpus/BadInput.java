package dev.strand.tests.corpus;

import java.util.List;
import java.util.function.Predicate;

/**
 * One row of the bad-input corpus: a malformed or hostile input, the one answer it must get, and
 * the rule that says so.
 *
 * @param kind     what part of the protocol the input attacks
 * @param name     what the input is, as the test report shows it
 * @param input    the bytes to send
 * @param expected the status or close code the server must answer with
 * @param rule     the RFC section (or Strand's documented limit) that fixes the answer
 */
record BadInput(Kind kind, String name, Input input, Expected expected, String rule) {

    /** The parts of the protocols the corpus covers, in report order. */
    enum Kind {
        REQUEST_LINE("HTTP request line"),
        HEADERS("HTTP headers"),
        SMUGGLING("HTTP message framing (smuggling shapes)"),
        ENCODING("Percent-encoding and parameter conversion"),
        BODY("HTTP bodies"),
        JSON("JSON bodies"),
        FORMS("Form and multipart bodies"),
        PROXY("Proxy headers from a trusted peer"),
        WS_HANDSHAKE("WebSocket handshake"),
        WS_FRAMES("WebSocket frames"),
        SSE("SSE requests");

        final String title;

        Kind(String title) {
            this.title = title;
        }
    }

    /** What a row sends. */
    sealed interface Input {
    }

    /**
     * Bytes sent over a new connection as they are (each char of {@code text} is one byte), after
     * which the client shuts its output down and reads every response until the server closes.
     */
    record Request(String text) implements Input {
    }

    /** A valid handshake to {@code /ws/echo}, then these bytes as frames. */
    record Frames(byte[] bytes) implements Input {
    }

    /** What a row must get back. */
    sealed interface Expected {
    }

    /** The first response has this status, and every check holds over all responses on the connection. */
    record Answer(int status, List<Check> checks) implements Expected {
        @Override
        public String toString() {
            return status + (checks.isEmpty() ? "" : " " + checks);
        }
    }

    /** The server closes the WebSocket with this code, after sending frames of these opcodes first. */
    record Closes(int code, List<Integer> opcodesBefore) implements Expected {
        @Override
        public String toString() {
            return "close " + code + (opcodesBefore.isEmpty() ? "" : " after opcodes " + opcodesBefore);
        }
    }

    /** A further condition on the responses of one connection. */
    record Check(String description, Predicate<List<RawResponse>> test) {
        @Override
        public String toString() {
            return description;
        }
    }
}
