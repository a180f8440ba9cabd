package dev.strand.tests.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.strand.test.StrandExtension;
import dev.strand.tests.websocket.RawWebSocket;
import dev.strand.tests.corpus.BadInput.Answer;
import dev.strand.tests.corpus.BadInput.Closes;
import dev.strand.tests.corpus.BadInput.Frames;
import dev.strand.tests.corpus.BadInput.Kind;
import dev.strand.tests.corpus.BadInput.Request;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Runs every row of the {@link BadInputCorpus} against one running {@link CorpusApp} over raw
 * sockets, each row on a new connection. Each row must get exactly its status or close code;
 * an error answer must be in Strand's format without internals; meanwhile a {@link Bystander} on
 * connections of its own must keep getting answers, and the server must log nothing at ERROR and
 * no stack trace.
 */
class BadInputCorpusTest {
    private static final int TIMEOUT_MS = 5000;

    @RegisterExtension
    static final StrandExtension app = new StrandExtension(CorpusApp::builder);

    private static ServerLog log;
    private static Bystander bystander;

    @BeforeAll
    static void watch() {
        log = ServerLog.capture();
        bystander = Bystander.start(app.server().uri());
    }

    @AfterAll
    static void stopWatching() throws InterruptedException {
        try {
            if (bystander != null) bystander.close();
        } finally {
            if (log != null) log.close();
        }
    }

    @TestFactory
    Stream<DynamicNode> corpus() {
        var rows = BadInputCorpus.rows();
        var kinds = Arrays.stream(Kind.values()).map(kind -> {
            var ofKind = rows.stream().filter(r -> r.kind() == kind).toList();
            return (DynamicNode) dynamicContainer(kind.title + " (" + ofKind.size() + " rows)", ofKind.stream()
                    .map(row -> dynamicTest(row.name() + " → " + row.expected(), () -> check(row))));
        });
        var whole = dynamicContainer("the whole run", Stream.of(
                dynamicTest("the corpus has at least 100 rows", () -> assertTrue(rows.size() >= 100, rows.size() + " rows")),
                dynamicTest("the bystander got every answer", () -> {
                    assertTrue(bystander.awaitRoundAfter(bystander.rounds()), "the bystander got no answer at the end");
                    assertEquals(List.of(), bystander.failures());
                }),
                dynamicTest("nothing was logged at ERROR or with a stack trace", () -> assertEquals(List.of(), log.problemsSince(0)))));
        return Stream.concat(kinds, Stream.of(whole));
    }

    private static void check(BadInput row) throws Exception {
        bystander.during(row.name());
        int mark = log.mark();
        long rounds = bystander.rounds();
        var wrong = switch (row.input()) {
            case Request request -> checkAnswer(request, (Answer) row.expected());
            case Frames frames -> checkClose(frames, (Closes) row.expected());
        };
        assertTrue(bystander.awaitRoundAfter(rounds), "the bystander got no answer after this row");
        var problems = log.problemsSince(mark);
        if (!problems.isEmpty()) wrong.add("the server logged " + problems);
        var failures = bystander.failures().stream().filter(f -> f.startsWith(row.name() + ":")).toList();
        if (!failures.isEmpty()) wrong.add("the bystander failed: " + failures);
        assertTrue(wrong.isEmpty(), row.name() + " (" + row.rule() + "): " + String.join("; ", wrong));
    }

    // ---- HTTP rows ---------------------------------------------------------------------------------

    private static List<String> checkAnswer(Request request, Answer expected) throws Exception {
        var wrong = new ArrayList<String>();
        var received = exchange(request.text().getBytes(StandardCharsets.ISO_8859_1));
        boolean head = request.text().startsWith("HEAD ");
        var responses = RawResponse.parseAll(received, head);
        if (responses.isEmpty()) {
            wrong.add("expected " + expected + ", got no response: '" + new String(received, StandardCharsets.ISO_8859_1) + "'");
            return wrong;
        }
        var first = responses.getFirst();
        if (first.status() != expected.status()) wrong.add("expected " + expected.status() + ", got " + first);
        for (var check : expected.checks()) {
            if (!check.test().test(responses)) wrong.add("expected " + check + ", got " + responses);
        }
        if (first.status() >= 400 && !head && !isStrandError(first)) wrong.add("the error body is not Strand's: " + first);
        return wrong;
    }

    /** Strand's error format: a short text (or JSON) message, never HTML, a stack trace or an exception's name. */
    private static boolean isStrandError(RawResponse response) {
        var type = response.header("Content-Type");
        var body = response.bodyText();
        return ("text/plain; charset=utf-8".equals(type) || "application/json".equals(type))
                && !body.isBlank() && !body.contains("<html") && !body.contains("Exception") && !body.contains("\tat ");
    }

    /**
     * Sends the bytes on a new connection, then shuts the output down, while reading everything the
     * server answers until it closes (or {@value #TIMEOUT_MS} ms pass). Writing runs on its own
     * thread so that a server answering before it read the whole request is heard all the same.
     */
    private static byte[] exchange(byte[] request) throws Exception {
        try (var socket = connect()) {
            var writer = Thread.ofVirtual().start(() -> {
                try {
                    socket.getOutputStream().write(request);
                    socket.shutdownOutput();
                } catch (IOException e) {
                    // the server may close before reading it all; its answer is what counts
                }
            });
            var received = readToEnd(socket.getInputStream());
            writer.join(TIMEOUT_MS);
            return received;
        }
    }

    // ---- WebSocket frame rows ------------------------------------------------------------------------

    private static List<String> checkClose(Frames frames, Closes expected) throws Exception {
        var wrong = new ArrayList<String>();
        RawWebSocket ws;
        try {
            ws = RawWebSocket.open(app.server().uri(), "/ws/echo");
        } catch (IOException e) {
            wrong.add("expected " + expected + ", but " + e.getMessage());
            return wrong;
        }
        try (ws) {
            ws.send(frames.bytes());
            boolean sentClose = opcodes(frames.bytes()).contains(WsFrame.CLOSE);
            var before = new ArrayList<Integer>();
            WsFrame close = null;
            try {
                for (WsFrame frame; close == null && (frame = WsFrame.read(ws.input())) != null; ) {
                    if (frame.opcode() == WsFrame.CLOSE) {
                        close = frame;
                        continue;
                    }
                    before.add(frame.opcode());
                    if (!sentClose && before.size() == expected.opcodesBefore().size()) {
                        ws.send(WsFrame.close(1000));
                        sentClose = true;
                    }
                }
            } catch (IOException e) {
                wrong.add("expected " + expected + ", got " + e + " (frames " + before + ")");
                return wrong;
            }
            if (close == null) {
                wrong.add("expected " + expected + ", but the connection ended without a close frame (frames " + before + ")");
                return wrong;
            }
            if (close.closeCode() != expected.code() || !before.equals(expected.opcodesBefore())) {
                var reason = close.payload().length > 2 ? new String(close.payload(), 2, close.payload().length - 2, StandardCharsets.UTF_8) : "";
                wrong.add("expected " + expected + ", got close " + close.closeCode() + " '" + reason + "' after opcodes " + before);
            }
            if (!sentClose) {
                try {
                    ws.send(WsFrame.close(1000));
                } catch (IOException e) {
                    // the server already closed the connection, as it may after failing it
                }
            }
            if (!ws.readsUntilEof()) wrong.add("the server kept the TCP connection open after the close");
        }
        return wrong;
    }

    /** The opcodes of the frames in {@code bytes}, as far as they can be parsed. */
    private static List<Integer> opcodes(byte[] bytes) {
        var opcodes = new ArrayList<Integer>();
        var in = new ByteArrayInputStream(bytes);
        try {
            for (WsFrame frame; (frame = WsFrame.read(in)) != null; ) opcodes.add(frame.opcode());
        } catch (IOException e) {
            // a frame that lies about its length: nothing after it is parsed
        }
        return opcodes;
    }

    // ---- sockets -------------------------------------------------------------------------------------

    private static Socket connect() throws IOException {
        var uri = app.server().uri();
        var socket = new Socket();
        socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), TIMEOUT_MS);
        socket.setSoTimeout(TIMEOUT_MS);
        return socket;
    }

    private static byte[] readToEnd(InputStream in) throws IOException {
        var out = new ByteArrayOutputStream();
        var buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) >= 0; ) out.write(buffer, 0, n);
        } catch (SocketTimeoutException e) {
            // the server kept the connection open; what it sent so far is the answer
        } catch (IOException e) {
            // reset by the server after its answer
        }
        return out.toByteArray();
    }
}
