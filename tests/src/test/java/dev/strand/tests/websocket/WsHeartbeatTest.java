package dev.strand.tests.websocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strand.Context;
import dev.strand.Strand;
import dev.strand.annotation.Ws;
import dev.strand.test.StrandExtension;
import dev.strand.test.TestClient;
import dev.strand.tests.Reports;
import dev.strand.websocket.WsMessage;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The heartbeat judges a peer only on what Strand reads: a handler busy elsewhere (so that Strand
 * stops reading, for backpressure) never gets a peer dropped that answers every ping.
 */
class WsHeartbeatTest {
    static final Reports seen = new Reports();
    static final Semaphore release = new Semaphore(0);

    public static final class Busy {
        /** Takes one message, then works without receiving until the test lets it go on. */
        @Ws(value = "/busy", pingIntervalMs = 300)
        public void busy(Context ctx) throws InterruptedException {
            var first = ctx.receive();
            seen.add("busy got " + text(first));
            release.acquire();
            for (WsMessage m; (m = ctx.receive()) != null; ) ctx.sendText("Echo: " + text(m));
            seen.add("busy ended " + ctx.closeStatus().code());
        }
    }

    private static String text(WsMessage message) {
        return new String(message.bytes(), java.nio.charset.StandardCharsets.UTF_8);
    }

    @RegisterExtension
    static final StrandExtension app = new StrandExtension(() -> Strand.builder().controllers(new Busy()));

    @Test
    void aPeerThatAnswersPingsStaysWhileTheHandlerIsNotReceiving(TestClient client) throws Exception {
        var pings = new Semaphore(0);
        var texts = new LinkedBlockingQueue<String>();
        var closed = new CountDownLatch(1);
        var ws = client.http().newWebSocketBuilder().buildAsync(client.wsUri("/busy"), new WebSocket.Listener() {
            @Override
            public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
                texts.add(data.toString());
                socket.request(1);
                return null;
            }

            @Override
            public CompletionStage<?> onPing(WebSocket socket, ByteBuffer message) {
                pings.release();
                socket.request(1);
                return null;   // the JDK client answers with a pong at once
            }

            @Override
            public CompletionStage<?> onClose(WebSocket socket, int code, String reason) {
                closed.countDown();
                return null;
            }
        }).get(10, TimeUnit.SECONDS);
        try {
            ws.sendText("one", true).get(10, TimeUnit.SECONDS);
            assertEquals("busy got one", seen.next("busy got"));
            // The second message fills Strand's one-message slot, so it stops reading: the pongs
            // to the pings below wait in TCP behind it.
            ws.sendText("two", true).get(10, TimeUnit.SECONDS);
            assertTrue(pings.tryAcquire(5, 10, TimeUnit.SECONDS), "the server pings every 300 ms");
            assertEquals(1, closed.getCount(), "the peer answered every ping, yet it was dropped");
            release.release();
            assertEquals("Echo: two", texts.poll(10, TimeUnit.SECONDS));
            ws.sendText("three", true).get(10, TimeUnit.SECONDS);
            assertEquals("Echo: three", texts.poll(10, TimeUnit.SECONDS));
            assertTrue(pings.tryAcquire(2, 10, TimeUnit.SECONDS), "pings go on once the handler reads again");
            assertFalse(closed.getCount() == 0, "the peer answered every ping, yet it was dropped");
        } finally {
            if (!ws.isOutputClosed()) ws.sendClose(1000, "").get(10, TimeUnit.SECONDS);
        }
        assertEquals("busy ended 1000", seen.next("busy ended"));
    }
}
