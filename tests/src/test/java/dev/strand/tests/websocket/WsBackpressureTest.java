package dev.strand.tests.websocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strand.Context;
import dev.strand.Strand;
import dev.strand.annotation.Ws;
import dev.strand.test.StrandExtension;
import dev.strand.test.TestClient;
import dev.strand.websocket.WsMessage;
import java.nio.ByteBuffer;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A client flooding a handler that does not receive is held back by TCP, not buffered by the server. */
class WsBackpressureTest {
    static final CountDownLatch release = new CountDownLatch(1);

    public static final class Slow {
        @Ws("/slow")
        public void slow(Context ctx) throws InterruptedException {
            assertTrue(release.await(60, TimeUnit.SECONDS));
            long count = 0;
            for (WsMessage m; (m = ctx.receive()) != null; ) {
                if (m instanceof WsMessage.Text t && t.text().equals("done")) {
                    ctx.sendText("received " + count);
                } else {
                    count++;
                }
            }
        }
    }

    @RegisterExtension
    static final StrandExtension app = new StrandExtension(() -> Strand.builder().controllers(new Slow()));

    @Test
    void aFloodingClientIsHeldBackUntilTheLoopReceives(TestClient client) throws Exception {
        var chunk = new byte[64 * 1024];
        int limit = 2000;
        try (var ws = client.ws("/slow")) {
            int sent = 0;
            java.util.concurrent.CompletableFuture<?> pending = null;
            while (sent < limit) {
                pending = ws.socket().sendBinary(ByteBuffer.wrap(chunk), true);
                try {
                    pending.get(2, TimeUnit.SECONDS);
                    pending = null;
                    sent++;
                } catch (TimeoutException stalled) {
                    break;
                }
            }
            assertTrue(sent < limit, "the client pushed " + sent + " x 64 KiB with nobody receiving: the server buffered it");
            release.countDown();
            if (pending != null) {
                pending.get(30, TimeUnit.SECONDS);
                sent++;
            }
            ws.send("done");
            assertEquals("received " + sent, ws.receiveText());
        }
    }
}
