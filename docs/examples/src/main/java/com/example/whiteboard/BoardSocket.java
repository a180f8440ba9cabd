package com.example.whiteboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strand.Context;
import dev.strand.annotation.PathParam;
import dev.strand.annotation.Ws;
import dev.strand.broadcast.Hub;
import dev.strand.websocket.WsMessage;

/** One person at a board: ws://host/boards/{board}. */
public final class BoardSocket {
    /** Close code for a message the board cannot take; 4000-4999 are the application's own. */
    static final int BAD_ACTION = 4400;

    private final Hub hub;
    private final Boards boards;
    private final ObjectMapper json;

    public BoardSocket(Hub hub, Boards boards, ObjectMapper json) {
        this.hub = hub;
        this.boards = boards;
        this.json = json;
    }

    @Ws(value = "/boards/{board}", maxMessageSize = 64 * 1024)
    public void draw(Context ctx, @PathParam String board) {
        var joined = boards.join(board);
        try (var live = joined.live()) {
            for (var action : joined.drawing()) ctx.sendText(action);       // first, what is there
            hub.forward(ctx, live, Context::sendText);                       // then, what others do
            for (WsMessage msg; (msg = ctx.receive()) != null; ) {
                if (!(msg instanceof WsMessage.Text(var text))) {
                    ctx.close(BAD_ACTION, "send actions as JSON text");
                    return;
                }
                Action action;
                try {
                    action = json.readValue(text, Action.class).checked();
                } catch (JsonProcessingException e) {
                    ctx.close(BAD_ACTION, "not an action");
                    return;
                } catch (IllegalArgumentException e) {
                    ctx.close(BAD_ACTION, e.getMessage());
                    return;
                }
                boards.apply(board, action, ctx.jsonText(action), live);     // the sender drew it
            }
        }
    }
}
