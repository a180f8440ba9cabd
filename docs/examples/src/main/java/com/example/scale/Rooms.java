package com.example.scale;

import dev.strand.Context;
import dev.strand.annotation.Get;
import dev.strand.annotation.PathParam;
import dev.strand.annotation.QueryParam;
import dev.strand.annotation.Sse;
import dev.strand.annotation.Ws;
import dev.strand.broadcast.Hub;
import dev.strand.broadcast.MessageId;
import dev.strand.websocket.WsMessage;
import java.time.Duration;
import java.util.Set;

/**
 * Rooms that span every instance: who is in a room (presence), and messages a client missed
 * while its connection was down, replayed when it comes back (recovery).
 */
public final class Rooms {
    private final Hub hub;

    public Rooms(Hub hub) {
        this.hub = hub;
    }

    // #region hub
    /** A Redis hub whose rooms keep their last 1,000 messages, up to 5 minutes old. */
    public static Hub hub(String redisUrl) {
        return Hub.builder()
                .redis(redisUrl)
                .history("room:*", 1_000, Duration.ofMinutes(5))   // a Redis Stream per room
                .build();
    }
    // #endregion hub

    /** A member's socket: hears the room, from where it left off if the client says so. */
    @Ws("/rooms/{room}")
    public void join(Context ctx, @PathParam String room, @QueryParam String name) {
        var topic = "room:" + room;
        hub.forward(ctx, topic);                          // replays after ?lastEventId= (strand.js sends it)
        hub.presence().track(ctx, topic, name, "{}");     // a member until this socket ends, by any path
        for (WsMessage m; (m = ctx.receive()) != null; ) {
            if (m instanceof WsMessage.Text(var text)) hub.publish(topic, text);
        }
    }

    /** Who is in the room, on every instance. */
    @Get("/rooms/{room}/members")
    public Set<String> members(@PathParam String room) {
        return hub.presence().members("room:" + room).keySet();
    }

    /** The room as Server-Sent Events; a reconnecting EventSource resumes after its Last-Event-ID. */
    @Sse("/rooms/{room}/events")
    public void events(Context ctx, @PathParam String room, MessageId after) throws InterruptedException {
        hub.stream(ctx, "room:" + room, after);        // a malformed Last-Event-ID was refused with 400
    }
}
