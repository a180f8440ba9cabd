package dev.strand.tests.websocket;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.strand.Context;
import dev.strand.Strand;
import dev.strand.annotation.Ws;
import dev.strand.test.StrandTest;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class WsShutdownTest {
    static final CompletableFuture<Integer> serverSaw = new CompletableFuture<>();

    public static final class Waiting {
        @Ws("/wait")
        public void waitForever(Context ctx) {
            ctx.sendText("ready");
            ctx.receive();
            serverSaw.complete(ctx.closeStatus().code());
        }
    }

    @Test
    void aGracefulStopClosesOpenConnectionsWith1001() throws Exception {
        var app = StrandTest.start(Strand.builder().controllers(new Waiting()));
        var ws = app.client().ws("/wait");
        assertEquals("ready", ws.receiveText());
        app.close();
        assertEquals(1001, ws.awaitClose().code());
        assertEquals(1001, serverSaw.get(10, java.util.concurrent.TimeUnit.SECONDS));
    }
}
