package com.example.chat;

import dev.strand.Context;
import dev.strand.annotation.PathParam;
import dev.strand.annotation.QueryParam;
import dev.strand.annotation.Ws;
import dev.strand.broadcast.Hub;
import dev.strand.websocket.WsMessage;

/** One chat connection: ws://host/chat/{room}?name=ada. */
public final class ChatSocket {
    private final Hub hub;
    private final Roster roster;

    public ChatSocket(Hub hub, Roster roster) {
        this.hub = hub;
        this.roster = roster;
    }

    // #region chat
    @Ws("/chat/{room}")
    public void chat(Context ctx, @PathParam String room,
                     @QueryParam(defaultValue = "guest") String name) {
        // From now until the connection ends, everything published to the room is sent to this
        // socket, from a virtual thread of its own: the loop below never waits for the room.
        try (var membership = hub.forward(ctx, room)) {
            roster.join(ctx, room, name);
            // #region loop
            for (WsMessage msg; (msg = ctx.receive()) != null; ) {   // blocks this virtual thread
                if (msg instanceof WsMessage.Text(var text) && !text.isBlank()) {
                    hub.publish(room, ctx.jsonText(new Said(name, text.strip())));
                }
            }                                                        // null: the client left
            // #endregion loop
        } finally {
            roster.leave(ctx, room, name);
        }
    }
    // #endregion chat
}
