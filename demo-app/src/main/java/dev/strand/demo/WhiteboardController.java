package dev.strand.demo;

import dev.strand.Context;
import dev.strand.annotation.Doc;
import dev.strand.annotation.PathParam;
import dev.strand.annotation.Receives;
import dev.strand.annotation.Sends;
import dev.strand.annotation.Use;
import dev.strand.annotation.Ws;
import dev.strand.broadcast.Hub;
import dev.strand.websocket.WsMessage;
import java.util.List;

/**
 * Shared whiteboards: every stroke a page draws appears on every other page of the board, and a
 * page that opens the board later gets everything drawn so far (up to {@link Board#MAX_POINTS}).
 *
 * <p>Messages, as JSON text. From a page: a {@link Stroke}, or {@code {"type":"clear"}}. To a
 * page: first {@code {"type":"replay","strokes":[...]}}, then other pages' strokes,
 * {@code {"type":"clear"}} and {@code {"type":"presence","count":n}}; a message it could not
 * use gets {@code {"type":"error","message":...}} back.
 */
@Use(ValidNames.class)
public final class WhiteboardController {
    private final Hub hub;
    private final Boards boards;

    /** The board as drawn so far, sent once to a page that joins. */
    public record Replay(String type, List<Stroke> strokes) {
        public Replay(List<Stroke> strokes) {
            this("replay", strokes);
        }
    }

    /** How many pages have the board open (on this instance). */
    public record Presence(String type, int count) {
        public Presence(int count) {
            this("presence", count);
        }
    }

    /** Whiteboards whose changes travel over {@code hub}; it should be in-process, as the strokes are kept here. */
    public WhiteboardController(Hub hub) {
        this.hub = hub;
        this.boards = new Boards(hub);
    }

    /** One page at a board: replay, then its strokes out and everyone else's in, until it closes. */
    @Ws(value = "/ws/whiteboard/{board}", maxMessageSize = 64 * 1024)
    @Doc(summary = "A shared whiteboard", tags = "whiteboard")
    @Receives(value = Drawing.class, description = "a stroke to draw, or a clear to wipe the board for everyone")
    @Sends(value = Replay.class, description = "first: the board as drawn so far")
    @Sends(value = Stroke.class, description = "a stroke another page drew")
    @Sends(value = Drawing.Clear.class, description = "the board was wiped")
    @Sends(value = Presence.class, description = "how many pages have the board open")
    @Sends(value = WsError.class, description = "a message of yours the board could not use, and why")
    public void board(Context ctx, @PathParam String board) {
        var joined = boards.join(board);
        if (joined.isEmpty()) {
            ctx.sendJson(new WsError("all " + Boards.MAX_BOARDS + " whiteboards are in use; try again later"));
            ctx.close(1013, "too many whiteboards");
            return;
        }
        var topic = Boards.topic(board);
        var me = joined.get().subscription();
        try {
            // The replay goes out before forwarding starts, so nothing published since the join overtakes it.
            ctx.sendJson(new Replay(joined.get().strokes()));
            hub.forward(ctx, me, Context::sendText);
            hub.publish(topic, DemoJson.write(new Presence(hub.subscriberCount(topic))));
            for (WsMessage msg; (msg = ctx.receive()) != null; ) {
                if (!(msg instanceof WsMessage.Text(var text))) {
                    ctx.sendJson(new WsError("whiteboard messages are JSON text"));
                    continue;
                }
                try {
                    switch (Drawing.parse(text)) {
                        case Stroke stroke -> boards.draw(board, stroke, me);
                        case Drawing.Clear clear -> boards.clear(board);
                    }
                } catch (IllegalArgumentException e) {
                    ctx.sendJson(new WsError(e.getMessage()));
                }
            }
        } finally {
            me.close();
            hub.publish(topic, DemoJson.write(new Presence(hub.subscriberCount(topic))));
        }
    }
}
