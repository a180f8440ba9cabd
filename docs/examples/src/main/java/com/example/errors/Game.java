package com.example.errors;

import dev.strand.Context;
import dev.strand.annotation.Ws;
import dev.strand.websocket.WsMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

// #region close-codes
/** A WebSocket that ends in every way a connection can. */
public final class Game {
    private static final Logger LOG = LoggerFactory.getLogger(Game.class);

    @Ws(value = "/game", maxMessageSize = 1024)        // a bigger message: 1009, decided by Strand
    public void play(Context ctx) {
        for (WsMessage msg; (msg = ctx.receive()) != null; ) {
            if (!(msg instanceof WsMessage.Text(var move))) continue;
            switch (move) {
                case "resign" -> {
                    ctx.close(4000, "game over");       // your own code: 4000-4999
                    return;
                }
                case "cheat" -> throw new IllegalStateException("board corrupted");  // 1011
                case "done" -> {
                    return;                             // returning closes with 1000
                }
                default -> ctx.sendText("ok " + move);
            }
        }
        // receive() returned null: the peer closed (or vanished: 1006); closeStatus() says how
        LOG.info("player left: {}", ctx.closeStatus());
    }
}
// #endregion close-codes
