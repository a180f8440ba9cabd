package dev.strand.demo;

import dev.strand.Context;
import dev.strand.annotation.Doc;
import dev.strand.annotation.Get;
import dev.strand.annotation.PathParam;
import dev.strand.annotation.QueryParam;
import dev.strand.annotation.Receives;
import dev.strand.annotation.Sends;
import dev.strand.annotation.Use;
import dev.strand.annotation.Ws;
import dev.strand.broadcast.Hub;
import dev.strand.websocket.WsMessage;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Chat rooms: every member of a room hears every message and who comes and goes. With a hub
 * that relays through Redis, a room spans every instance; counts and the member list are this
 * instance's own.
 */
@Use(ValidNames.class)
public final class ChatController {
    /** The longest chat message, in characters; longer ones get an error back and go nowhere. */
    static final int MAX_TEXT = 2000;

    private final Hub hub;
    private final ChatMembers members = new ChatMembers();

    /** Who is in a room on this instance. */
    public record Room(String room, int count, List<String> users) {}

    public ChatController(Hub hub) {
        this.hub = hub;
    }

    /**
     * One member's connection: joins the room, publishes each text message to everyone in it
     * (the sender included, which tells the sender it went out), and leaves when the socket closes.
     */
    @Ws("/ws/chat/{room}")
    @Doc(summary = "A chat room", tags = "chat",
            description = "Joins the room as `name` (a guest name when absent) and leaves when the socket closes.")
    @Receives(value = String.class, description = "a chat line, at most " + MAX_TEXT + " characters, published to the room")
    @Sends(value = ChatEvent.class, description = "someone joined, said something, or left")
    @Sends(value = WsError.class, description = "a message of yours that went nowhere, and why")
    public void chat(Context ctx, @PathParam String room, @QueryParam String name) {
        var user = name == null || name.isBlank() ? guest() : name.strip();
        // The hub carries chat rooms only, so a room's name is its topic. Forwarding starts
        // before the join is published, so the joiner hears its own join.
        var topic = room;
        var me = hub.forward(ctx, topic);
        members.add(room, user);
        try {
            hub.publish(topic, ctx.jsonText(new ChatEvent.Join(user, hub.subscriberCount(topic))));
            for (WsMessage msg; (msg = ctx.receive()) != null; ) {
                switch (msg) {
                    case WsMessage.Text(var text) when text.length() <= MAX_TEXT ->
                            hub.publish(topic, ctx.jsonText(new ChatEvent.Chat(user, text)));
                    case WsMessage.Text tooLong -> ctx.sendJson(new WsError("a message is at most " + MAX_TEXT + " characters"));
                    case WsMessage.Binary binary -> ctx.sendJson(new WsError("chat messages are text"));
                }
            }
        } finally {
            me.close();
            members.remove(room, user);
            hub.publish(topic, ctx.jsonText(new ChatEvent.Leave(user, hub.subscriberCount(topic))));
        }
    }

    /** The room's members on this instance, for the presence list. */
    @Get("/api/chat/{room}")
    @Doc(summary = "Who is in a room on this instance", tags = "chat")
    public Room room(@PathParam String room) {
        var users = members.of(room);
        return new Room(room, users.size(), users);
    }

    private static String guest() {
        return "guest-" + HexFormat.of().toHexDigits((short) ThreadLocalRandom.current().nextInt());
    }
}
