package dev.strand.tests.websocket;

import static dev.strand.tests.corpus.WsFrame.BINARY;
import static dev.strand.tests.corpus.WsFrame.CLOSE;
import static dev.strand.tests.corpus.WsFrame.CONTINUATION;
import static dev.strand.tests.corpus.WsFrame.PING;
import static dev.strand.tests.corpus.WsFrame.PONG;
import static dev.strand.tests.corpus.WsFrame.TEXT;
import static dev.strand.tests.websocket.RawFrames.concat;
import static dev.strand.tests.websocket.RawFrames.frame;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strand.ClosedException;
import dev.strand.Context;
import dev.strand.Cookie;
import dev.strand.Strand;
import dev.strand.annotation.Use;
import dev.strand.annotation.Ws;
import dev.strand.test.StrandExtension;
import dev.strand.test.StrandTest;
import dev.strand.test.TestClient;
import dev.strand.tests.Await;
import dev.strand.tests.Reports;
import dev.strand.websocket.WsClose;
import dev.strand.websocket.WsMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.ref.WeakReference;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.client.ClientUpgradeRequest;
import org.eclipse.jetty.websocket.client.WebSocketClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Edge cases of the WebSocket connection on Jetty's core API (WsConnection as a FrameHandler,
 * MessageAssembler, the Context let go of after the upgrade): fragments, control frames between
 * them, split UTF-8, permessage-deflate, closes racing the loop and its senders, the upgrade
 * exchange read long after the handshake, a graceful stop mid-message, and churn.
 */
class WsCoreEdgeTest {
    static final Reports seen = new Reports();
    static final long WAIT = 10;

    /** Released by the test once the client has sent what the slot handler is to find. */
    static volatile CountDownLatch go = new CountDownLatch(1);

    static final AtomicInteger sendersCloses = new AtomicInteger();
    static final AtomicInteger churnRunning = new AtomicInteger();
    static final AtomicInteger churnCloses = new AtomicInteger();
    static final List<WeakReference<Context>> churnContexts = new CopyOnWriteArrayList<>();

    /** Sets a response header on the upgrade, as request-id or CORS middleware would. */
    public static final class Trace implements dev.strand.Middleware {
        @Override
        public void handle(Context ctx, Chain chain) throws Exception {
            ctx.setResponseHeader("X-Trace", "t-1");
            chain.proceed();
        }
    }

    public static final class Sockets {
        private final WebSocketTest.Sockets plain = new WebSocketTest.Sockets();

        /** WebSocketTest's echo: "Echo: " before each text, binary as it came. */
        @Ws("/echo")
        public void echo(Context ctx) {
            plain.echo(ctx);
        }

        @Ws(value = "/small", maxMessageSize = 64 * 1024)
        public void small(Context ctx) {
            echo(ctx);
            seen.add("small ended " + ctx.closeStatus().code());
        }

        /** Reads the upgrade exchange at the start and again once a message came. */
        @Use(Trace.class)
        @Ws("/late/{room}")
        public void late(Context ctx) {
            var requestAtStart = request(ctx);
            var responseAtStart = response(ctx);
            var m = ctx.receive();
            if (m == null) return;
            ctx.sendText("request at start " + requestAtStart);
            ctx.sendText("request later " + request(ctx));
            ctx.sendText("response at start " + responseAtStart);
            ctx.sendText("response later " + response(ctx));
            ctx.sendText("header: " + refusal(() -> ctx.setResponseHeader("X-Late", "1")));
            ctx.sendText("add: " + refusal(() -> ctx.addResponseHeader("X-Late", "1")));
            ctx.sendText("status: " + refusal(() -> ctx.setResponseStatus(500)));
            ctx.sendText("cookie: " + refusal(() -> ctx.setCookie(Cookie.of("k", "v"))));
            ctx.receive();
        }

        private static String request(Context ctx) {
            return "room=" + ctx.pathParam("room") + " q=" + ctx.queryParam("q") + " qs=" + ctx.queryParams("multi")
                    + " h=" + ctx.header("X-Client") + " hs=" + ctx.headers("X-Multi") + " c=" + ctx.cookie("c") + " d=" + ctx.cookie("d")
                    + " kind=" + ctx.kind();
        }

        private static String response(Context ctx) {
            return "status=" + ctx.responseStatus() + " trace=" + ctx.responseHeader("X-Trace") + " upgrade=" + ctx.responseHeader("Upgrade")
                    + " accept=" + (ctx.responseHeader("Sec-WebSocket-Accept") != null);
        }

        private static String refusal(Runnable r) {
            try {
                r.run();
                return "accepted";
            } catch (IllegalStateException e) {
                return "ISE " + e.getMessage();
            } catch (RuntimeException e) {
                return e.getClass().getSimpleName() + " " + e.getMessage();
            }
        }

        /** Waits for the test before its first receive, so the client's message and close sit unread. */
        @Ws(value = "/slot", pingIntervalMs = 0)
        public void slot(Context ctx) throws InterruptedException {
            var closes = new AtomicInteger();
            ctx.onClose(closes::incrementAndGet);
            ctx.sendText("ready");
            if (!go.await(WAIT, TimeUnit.SECONDS)) {
                seen.add("slot never released");
                return;
            }
            var first = ctx.receive();
            var second = ctx.receive();
            var status = ctx.closeStatus();
            seen.add("slot first=" + (first instanceof WsMessage.Text t ? t.text() : first) + " second=" + second + " close="
                    + (status == null ? "none" : status.code() + " " + status.reason()));
        }

        /** Eight threads send until the peer's close stops them. */
        @Ws(value = "/senders", pingIntervalMs = 0)
        public void senders(Context ctx) throws Exception {
            var closes = new AtomicInteger();
            var closedOnce = new CountDownLatch(1);
            ctx.onClose(() -> {
                closes.incrementAndGet();
                sendersCloses.incrementAndGet();
                closedOnce.countDown();
            });
            var unexpected = new ConcurrentLinkedQueue<String>();
            var stoppedByClose = new AtomicInteger();
            try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int k = 0; k < 8; k++) {
                    int id = k;
                    pool.submit(() -> {
                        try {
                            for (int i = 0; i < 200_000; i++) {
                                if (i % 2 == 0) ctx.sendText("t" + id + " " + i);
                                else ctx.sendBinary(new byte[] {(byte) id, (byte) i});
                                if (i % 64 == 0) Thread.yield();
                            }
                            unexpected.add("sender " + id + " was never stopped");
                        } catch (ClosedException e) {
                            stoppedByClose.incrementAndGet();
                        } catch (Throwable t) {
                            unexpected.add(t.toString());
                        }
                    });
                }
                var m = ctx.receive();
                if (m != null) unexpected.add("received " + m);
            }
            var after = new ArrayList<String>();
            try {
                ctx.sendText("after close");
                after.add("send accepted");
            } catch (ClosedException e) {
                after.add("send refused");
            }
            try {
                ctx.ping(new byte[] {1});
                after.add("ping accepted");
            } catch (ClosedException e) {
                after.add("ping refused");
            }
            closedOnce.await(WAIT, TimeUnit.SECONDS);
            seen.add("senders close=" + ctx.closeStatus().code() + " " + ctx.closeStatus().reason() + " stopped=" + stoppedByClose.get()
                    + " unexpected=" + unexpected + " after=" + after + " closes=" + closes.get());
        }

        /** Sends a lot without reading; the client closes in the middle of it. */
        @Ws(value = "/flood", pingIntervalMs = 0)
        public void flood(Context ctx) {
            var chunk = new byte[16 * 1024];
            int sent = 0;
            try {
                for (; sent < 1000; sent++) ctx.sendBinary(chunk);
            } catch (ClosedException e) {
                // the client's close stopped us
            }
            ctx.receive();
            var status = ctx.closeStatus();
            seen.add("flood close=" + (status == null ? "none" : status.code() + " " + status.reason()));
        }

        /**
         * Pushes only: after the first message it never receives again, and learns of the end of
         * the connection from its close action.
         */
        @Ws(value = "/push", pingIntervalMs = 0, idleTimeoutMs = 120_000)
        public void push(Context ctx) throws InterruptedException {
            var gone = new CountDownLatch(1);
            ctx.onClose(gone::countDown);
            var subscribe = ctx.receive();
            ctx.sendText("subscribed to " + (subscribe instanceof WsMessage.Text t ? t.text() : subscribe));
            boolean ended = gone.await(WAIT + 5, TimeUnit.SECONDS);
            var status = ctx.closeStatus();
            seen.add("push ended=" + ended + " close=" + (status == null ? "none" : status.code() + " " + status.reason()));
        }

        @Ws("/churn")
        public void churn(Context ctx) {
            churnRunning.incrementAndGet();
            churnContexts.add(new WeakReference<>(ctx));
            ctx.onClose(churnCloses::incrementAndGet);
            try {
                for (WsMessage m; (m = ctx.receive()) != null; ) {
                    if (m instanceof WsMessage.Text t) ctx.sendText(t.text());
                }
            } catch (ClosedException e) {
                // the peer went away while we answered
            } finally {
                churnRunning.decrementAndGet();
            }
        }
    }

    @RegisterExtension
    static final StrandExtension app = new StrandExtension(() -> Strand.builder()
            .controllers(new Sockets())
            .configure(c -> c.ws(w -> w.withOutboundBufferSize(512L * 1024 * 1024))));

    @BeforeEach
    void clear() {
        seen.clear();
        go = new CountDownLatch(1);
    }

    // ---- fragments, control frames between them, split UTF-8 ------------------------------------

    @Test
    void pingsBetweenFragmentsAndCharactersSplitAcrossFragmentsComeBackIntact(TestClient client) throws Exception {
        var text = "café ☃ 😀 €";
        var bytes = text.getBytes(StandardCharsets.UTF_8);
        // cut inside é (2 bytes), inside ☃ (3 bytes) and twice inside 😀 (4 bytes)
        int e = indexOf(bytes, "é") + 1, snow = indexOf(bytes, "☃") + 2, smile = indexOf(bytes, "😀");
        try (var raw = RawWebSocket.open(client.base(), "/echo")) {
            raw.send(concat(
                    frame(false, TEXT, slice(bytes, 0, e)),
                    frame(true, PING, "p-1"),
                    frame(false, CONTINUATION, slice(bytes, e, snow)),
                    frame(false, CONTINUATION, new byte[0]),
                    frame(false, CONTINUATION, slice(bytes, snow, smile + 1)),
                    frame(true, PING, new byte[0]),
                    frame(true, PONG, "unsolicited"),
                    frame(false, CONTINUATION, slice(bytes, smile + 1, smile + 3)),
                    frame(true, PING, "p-3"),
                    frame(true, CONTINUATION, slice(bytes, smile + 3, bytes.length))));
            var in = raw.input();
            var pong1 = RawFrames.readSkippingPings(in);
            assertEquals(PONG, pong1.opcode(), pong1.toString());
            assertEquals("p-1", pong1.text());
            var pong2 = RawFrames.readSkippingPings(in);
            assertEquals(PONG, pong2.opcode(), pong2.toString());
            assertEquals(0, pong2.payload().length);
            var pong3 = RawFrames.readSkippingPings(in);
            assertEquals(PONG, pong3.opcode(), pong3.toString());
            assertEquals("p-3", pong3.text());
            var echo = RawFrames.readSkippingPings(in);
            assertEquals(TEXT, echo.opcode(), echo.toString());
            assertEquals("Echo: " + text, echo.text());

            // the connection goes on: a plain message after the fragmented one
            raw.send(frame(true, TEXT, "next"));
            assertEquals("Echo: next", RawFrames.readSkippingPings(in).text());
        }
    }

    @Test
    void binaryInManyFragmentsWithEmptyContinuationsAndEmptyMessagesAreEchoed(TestClient client) throws Exception {
        var random = new Random(42);
        var whole = new ByteArrayOutputStream();
        var wire = new ByteArrayOutputStream();
        int fragments = 120;
        for (int i = 0; i < fragments; i++) {
            var part = new byte[i % 5 == 1 ? 0 : random.nextInt(700)];
            random.nextBytes(part);
            whole.writeBytes(part);
            wire.writeBytes(frame(i == fragments - 1, i == 0 ? BINARY : CONTINUATION, part));
        }
        try (var raw = RawWebSocket.open(client.base(), "/echo")) {
            var in = raw.input();
            raw.send(wire.toByteArray());
            var echo = RawFrames.readSkippingPings(in);
            assertEquals(BINARY, echo.opcode(), echo.toString());
            assertArrayEquals(whole.toByteArray(), echo.payload());

            raw.send(frame(true, TEXT, new byte[0]));
            var emptyText = RawFrames.readSkippingPings(in);
            assertEquals(TEXT, emptyText.opcode());
            assertEquals("Echo: ", emptyText.text());

            raw.send(frame(true, BINARY, new byte[0]));
            var emptyBinary = RawFrames.readSkippingPings(in);
            assertEquals(BINARY, emptyBinary.opcode(), emptyBinary.toString());
            assertEquals(0, emptyBinary.payload().length);

            // an empty message in three empty fragments, then one that only its last fragment fills
            raw.send(concat(frame(false, TEXT, new byte[0]), frame(false, CONTINUATION, new byte[0]), frame(true, CONTINUATION, new byte[0])));
            assertEquals("Echo: ", RawFrames.readSkippingPings(in).text());
            raw.send(concat(frame(false, BINARY, new byte[0]), frame(true, CONTINUATION, new byte[] {9, 8, 7})));
            var filledLast = RawFrames.readSkippingPings(in);
            assertEquals(BINARY, filledLast.opcode());
            assertArrayEquals(new byte[] {9, 8, 7}, filledLast.payload());

            raw.send(RawFrames.close(1000, ""));
            var close = RawFrames.readSkippingPings(in);
            assertEquals(CLOSE, close.opcode());
            assertEquals(1000, close.closeCode());
        }
    }

    @Test
    void theSizeLimitCoversTheWholeFragmentedMessage(TestClient client) throws Exception {
        try (var raw = RawWebSocket.open(client.base(), "/small")) {
            var in = raw.input();
            // exactly the limit, in three fragments: accepted
            var exact = new byte[64 * 1024];
            new Random(7).nextBytes(exact);
            raw.send(concat(frame(false, BINARY, slice(exact, 0, 30_000)), frame(false, CONTINUATION, slice(exact, 30_000, 60_000)),
                    frame(true, CONTINUATION, slice(exact, 60_000, exact.length))));
            assertArrayEquals(exact, RawFrames.readSkippingPings(in).payload());
            // one byte more, each fragment well under the limit: 1009
            raw.send(concat(frame(false, TEXT, "x".repeat(40_000)), frame(true, CONTINUATION, "y".repeat(64 * 1024 + 1 - 40_000))));
            var close = RawFrames.readSkippingPings(in);
            assertEquals(CLOSE, close.opcode(), close.toString());
            assertEquals(1009, close.closeCode());
        }
        assertEquals("small ended 1009", seen.next("small ended"));
    }

    // ---- permessage-deflate -------------------------------------------------------------------

    @Test
    void permessageDeflateCarriesLargeAndFragmentedMessagesAndTheLimitCountsInflatedBytes(TestClient client) throws Exception {
        var jetty = new WebSocketClient();
        jetty.setMaxTextMessageSize(8 << 20);
        jetty.setMaxBinaryMessageSize(8 << 20);
        jetty.start();
        try {
            var peer = new JettyPeer();
            var request = new ClientUpgradeRequest();
            request.addExtensions("permessage-deflate");
            var session = jetty.connect(peer, wsUri(client, "/echo"), request).get(WAIT, TimeUnit.SECONDS);
            var negotiated = session.getUpgradeResponse().getExtensions().stream().map(x -> x.getName()).toList();
            assertEquals(List.of("permessage-deflate"), negotiated);

            // large and compressible, with multi-byte characters: split by the inflater into several frames
            var sb = new StringBuilder();
            for (int i = 0; sb.length() < 400_000; i++) sb.append("ligne ").append(i).append(" — ünïcödé ☃ 😀\n");
            var large = sb.toString();
            var sentLarge = new Callback.Completable();
            session.sendText(large, sentLarge);
            sentLarge.get(WAIT, TimeUnit.SECONDS);
            assertEquals("Echo: " + large, peer.next());

            // fragmented by the client, each fragment compressed as part of one message
            sendPartialText(session, "first ☃ ", false);
            sendPartialText(session, "second " + "z".repeat(70_000), false);
            sendPartialText(session, "", false);
            sendPartialText(session, " third 😀", true);
            assertEquals("Echo: first ☃ second " + "z".repeat(70_000) + " third 😀", peer.next());

            // incompressible binary
            var noise = new byte[300_000];
            new Random(3).nextBytes(noise);
            var done = new Callback.Completable();
            session.sendBinary(ByteBuffer.wrap(noise), done);
            done.get(WAIT, TimeUnit.SECONDS);
            assertArrayEquals(noise, (byte[]) peer.nextObject());
            session.close(1000, "done", Callback.NOOP);
            assertEquals(1000, peer.closed.get(WAIT, TimeUnit.SECONDS).code());

            // a few KB on the wire that inflate past the route's 64 KB: 1009, as for uncompressed input
            var bomb = new JettyPeer();
            var small = jetty.connect(bomb, wsUri(client, "/small"), request).get(WAIT, TimeUnit.SECONDS);
            assertEquals(List.of("permessage-deflate"), small.getUpgradeResponse().getExtensions().stream().map(x -> x.getName()).toList());
            small.sendText("a".repeat(2 << 20), Callback.NOOP);
            assertEquals(1009, bomb.closed.get(WAIT, TimeUnit.SECONDS).code());
            assertEquals("small ended 1009", seen.next("small ended"));
        } finally {
            jetty.stop();
        }
    }

    // ---- closes racing the loop ----------------------------------------------------------------

    @Test
    void aMessageAndACloseSentBeforeTheLoopReadsArriveInOrderWithTheClientsCode(TestClient client) throws Exception {
        try (var ws = client.ws("/slot")) {
            assertEquals("ready", ws.receiveText());
            ws.send("pending");
            ws.close(4002, "later ☃");
            go.countDown();
            assertEquals(new WsClose(4002, "later ☃"), ws.awaitClose());
        }
        assertEquals("slot first=pending second=null close=4002 later ☃", seen.next("slot "));
    }

    @Test
    void sendsFromManyThreadsWhileThePeerClosesOnlyEverThrowClosedExceptionAndTheCloseActionsRunOnce(TestClient client)
            throws Exception {
        sendersCloses.set(0);
        try (var ws = client.ws("/senders")) {
            for (int i = 0; i < 50; i++) ws.receive();
            ws.close(4005, "stop sending");
            // drain whatever was queued before our close got there, up to the server's answer
            var close = ws.awaitClose();
            assertEquals(4005, close.code());
        }
        var report = seen.next("senders close=");
        assertEquals("senders close=4005 stop sending stopped=8 unexpected=[] after=[send refused, ping refused] closes=1", report);
        // by now Jetty has also reported the end through onClosed: the close actions must not run again
        assertEquals(1, sendersCloses.get(), "the close actions ran exactly once");
    }

    @Test
    void aClientClosingWhileTheServerFloodsItSeesItsOwnCodeEchoedAndTheHandlerSeesIt(TestClient client) throws Exception {
        try (var ws = client.ws("/flood")) {
            ws.receiveBinary();
            ws.close(4006, "too much");
            assertEquals(4006, ws.awaitClose().code());
        }
        assertEquals("flood close=4006 too much", seen.next("flood close="));
    }

    /**
     * A handler that stopped receiving, with a message unread in its slot, still sees the
     * client's close: Strand reads on while the slot is full, holding back only data.
     */
    @Test
    void aPushingHandlerThatStoppedReadingStillSeesTheClientsClose(TestClient client) throws Exception {
        try (var ws = client.ws("/push")) {
            ws.send("prices");
            assertEquals("subscribed to prices", ws.receiveText());
            ws.send("an unsolicited message the handler never reads");
            ws.close(4007, "leaving");
            assertEquals(new WsClose(4007, "leaving"), ws.awaitClose());
        }
        assertEquals("push ended=true close=4007 leaving", seen.next("push ended"));
    }

    // ---- the upgrade exchange, long after the upgrade --------------------------------------------

    @Test
    void theUpgradeRequestStaysReadableAndTheResponseRefusesChanges(TestClient client) throws Exception {
        try (var ws = lateSocket(client)) {
            var expected = "room=lobby q=ada qs=[1, 2] h=jdk hs=[a, b] c=1 d=two kind=WEBSOCKET";
            assertEquals("request at start " + expected, ws.receiveText());
            assertEquals("request later " + expected, ws.receiveText());
            ws.receiveText();
            ws.receiveText();
            for (var what : List.of("header", "add", "status", "cookie")) {
                var refusal = ws.receiveText();
                assertTrue(refusal.startsWith(what + ": ISE cannot set "), refusal);
                assertTrue(refusal.contains("sent"), refusal);
            }
        }
    }

    /** The 101's headers, Jetty's and those middleware set, stay readable: a copy taken before Jetty recycles the exchange. */
    @Test
    void theUpgradeResponseStaysReadableForTheWholeConnection(TestClient client) throws Exception {
        try (var ws = lateSocket(client)) {
            ws.receiveText();
            ws.receiveText();
            var expected = "status=101 trace=t-1 upgrade=websocket accept=true";
            assertEquals("response at start " + expected, ws.receiveText());
            assertEquals("response later " + expected, ws.receiveText());
        }
    }

    private static dev.strand.test.WsTestClient lateSocket(TestClient client) {
        var ws = client.ws("/late/lobby?q=ada&multi=1&multi=2", "X-Client", "jdk", "X-Multi", "a", "X-Multi", "b", "Cookie", "c=1; d=two");
        System.gc();
        ws.send("go");
        return ws;
    }

    // ---- a graceful stop mid-message ------------------------------------------------------------

    static final CompletableFuture<String> stopSaw = new CompletableFuture<>();

    public static final class Stopping {
        @Ws(value = "/half", pingIntervalMs = 0)
        public void half(Context ctx) {
            var m = ctx.receive();
            var status = ctx.closeStatus();
            stopSaw.complete("message=" + m + " close=" + (status == null ? "none" : status.code() + " " + status.reason()));
        }
    }

    @Test
    void aGracefulStopWhileAMessageIsHalfReceivedClosesWith1001() throws Exception {
        var stopping = StrandTest.start(Strand.builder().controllers(new Stopping()));
        CompletableFuture<Void> stopped = null;
        try (var raw = RawWebSocket.open(stopping.client().base(), "/half")) {
            var in = raw.input();
            raw.send(frame(false, TEXT, "first half, "));
            // the pong shows the server has read the first fragment: frames are handled in order
            raw.send(frame(true, PING, "read?"));
            var pong = RawFrames.readSkippingPings(in);
            assertEquals(PONG, pong.opcode());

            stopped = CompletableFuture.runAsync(stopping::close);
            var close = RawFrames.readSkippingPings(in);
            assertEquals(CLOSE, close.opcode(), close.toString());
            assertEquals(1001, close.closeCode());
            try {
                raw.send(RawFrames.close(1001, ""));
            } catch (IOException alreadyClosed) {
                // Jetty may have closed the connection right after its 1001
            }
            assertTrue(raw.readsUntilEof(), "the server closed the connection after the close handshake");
            // Jetty ends a session on its own 1001 at once (CloseStatus.isAbnormal), so the handler sees the server's close
            assertTrue(stopSaw.get(WAIT, TimeUnit.SECONDS).startsWith("message=null close=1001"), stopSaw.getNow(null));
            stopped.get(WAIT + 10, TimeUnit.SECONDS);
        } finally {
            if (stopped == null) stopping.close();
        }
    }

    // ---- churn ------------------------------------------------------------------------------------

    @Test
    void twoThousandConnectionsEndedEveryWhichWayLeaveNoLoopCloseActionOrContextBehind(TestClient client) throws Exception {
        churnContexts.clear();
        churnCloses.set(0);
        int total = 2000;
        var base = client.base();
        try (var pool = Executors.newFixedThreadPool(40, Thread.ofVirtual().factory())) {
            var done = new ArrayList<Future<?>>();
            for (int c = 0; c < total; c++) {
                int id = c;
                done.add(pool.submit(() -> {
                    churnOnce(base, id);
                    return null;
                }));
            }
            for (var f : done) f.get(60, TimeUnit.SECONDS);
        }
        Await.until("every connection to have opened", Duration.ofSeconds(30), () -> churnContexts.size() == total);
        Await.until("every handler loop to finish", Duration.ofSeconds(30), () -> churnRunning.get() == 0);
        Await.until("the close actions of every connection to run", Duration.ofSeconds(30), () -> churnCloses.get() >= total);
        assertEquals(total, churnCloses.get(), "each connection's close actions ran exactly once");
        Await.until("every Context to be collected", Duration.ofSeconds(30), () -> {
            System.gc();
            return churnContexts.stream().allMatch(ref -> ref.get() == null);
        });
    }

    private static void churnOnce(URI base, int id) throws IOException {
        try (var raw = RawWebSocket.open(base, "/churn")) {
            var in = raw.input();
            switch (id % 5) {
                case 0 -> { // a whole exchange and a clean close
                    raw.send(frame(true, TEXT, "hi " + id));
                    assertEquals("hi " + id, RawFrames.readSkippingPings(in).text());
                    raw.send(RawFrames.close(1000, ""));
                    assertEquals(CLOSE, RawFrames.readSkippingPings(in).opcode());
                }
                case 1 -> // half a message, then gone
                        raw.send(frame(false, TEXT, "half"));
                case 2 -> { // half a message, then a close in the middle of it
                    raw.send(concat(frame(false, BINARY, new byte[] {1, 2}), RawFrames.close(4000, "mid")));
                    var close = RawFrames.readSkippingPings(in);
                    assertEquals(CLOSE, close.opcode());
                    assertEquals(4000, close.closeCode());
                }
                case 3 -> // a message, then gone without reading the answer
                        raw.send(frame(true, TEXT, "bye " + id));
                default -> { // a ping, then gone once answered
                    raw.send(frame(true, PING, "x"));
                    assertEquals(PONG, RawFrames.readSkippingPings(in).opcode());
                }
            }
        }
    }

    // ---- helpers ----------------------------------------------------------------------------------

    /** A Jetty API client peer; public, as Jetty binds its methods through a public lookup. */
    public static final class JettyPeer implements Session.Listener.AutoDemanding {
        final LinkedBlockingQueue<Object> messages = new LinkedBlockingQueue<>();
        final CompletableFuture<WsClose> closed = new CompletableFuture<>();

        @Override
        public void onWebSocketText(String message) {
            messages.add(message);
        }

        @Override
        public void onWebSocketBinary(ByteBuffer payload, Callback callback) {
            var bytes = new byte[payload.remaining()];
            payload.get(bytes);
            messages.add(bytes);
            callback.succeed();
        }

        @Override
        public void onWebSocketClose(int statusCode, String reason) {
            closed.complete(new WsClose(statusCode, reason == null ? "" : reason));
        }

        @Override
        public void onWebSocketError(Throwable cause) {
            closed.complete(new WsClose(WsClose.ABNORMAL, String.valueOf(cause)));
        }

        Object nextObject() throws InterruptedException {
            var m = messages.poll(WAIT, TimeUnit.SECONDS);
            if (m == null) throw new AssertionError("no message within " + WAIT + " s; closed: " + closed.getNow(null));
            return m;
        }

        String next() throws InterruptedException {
            return (String) nextObject();
        }
    }

    private static void sendPartialText(Session session, String part, boolean last) throws Exception {
        var done = new Callback.Completable();
        session.sendPartialText(part, last, done);
        done.get(WAIT, TimeUnit.SECONDS);
    }

    private static URI wsUri(TestClient client, String path) {
        return URI.create("ws://" + client.base().getHost() + ":" + client.base().getPort() + path);
    }

    private static int indexOf(byte[] bytes, String s) {
        var needle = s.getBytes(StandardCharsets.UTF_8);
        outer:
        for (int i = 0; i + needle.length <= bytes.length; i++) {
            for (int j = 0; j < needle.length; j++) if (bytes[i + j] != needle[j]) continue outer;
            return i;
        }
        throw new IllegalArgumentException(s);
    }

    private static byte[] slice(byte[] bytes, int from, int to) {
        return java.util.Arrays.copyOfRange(bytes, from, to);
    }
}
