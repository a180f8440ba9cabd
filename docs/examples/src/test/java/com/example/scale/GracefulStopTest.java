package com.example.scale;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.example.chat.ChatApp;
import com.example.live.LiveApp;
import dev.strand.broadcast.Hub;
import dev.strand.test.StrandTest;
import dev.strand.websocket.WsClose;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class GracefulStopTest {

    // #region stop
    @Test
    void stoppingClosesSocketsWith1001AndEndsStreamsAtOnce() throws Exception {
        try (var hub = Hub.inProcess(); var chat = StrandTest.start(ChatApp.app(hub)); var live = StrandTest.start(LiveApp.app())) {
            // Shorter than the 5 s stop timeout: the stream must end because of the stop, not after it.
            live.client().timeout(Duration.ofSeconds(3));
            try (var socket = chat.client().ws("/chat/lobby?name=ada"); var stream = live.client().sse("/readings/stream")) {
                socket.receiveText();                                      // joined
                chat.server().stop();
                live.server().stop();
                assertEquals(WsClose.GOING_AWAY, socket.awaitClose().code());   // strand.js reconnects
                stream.awaitEnd();                                         // the browser reconnects
            }
        }
    }
    // #endregion stop
}
