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
 * that relays through Redis, a room spans every instance, and so do its member list and counts
 * (the hub's presence). A room's topic keeps a history ({@link DemoApp#rooms}), so a member
 * whose connection drops, or who reloads the page, gets what was said meanwhile.
 */
@Use(ValidNames.class)
public final class ChatController {
    /** The longest chat message, in characters; longer ones get an error back and go nowhere. */
    static final int MAX_TEXT = 2000;

    private final Hub hub;

    /** Who is in a room, on every instance. */
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
        // Forwarding starts before the join is published, so the joiner hears its own join; a
        // client that sends the last id it saw (strand.js does) first gets what it missed.
        var topic = topic(room);
        var me = hub.forward(ctx, topic);
        var present = hub.presence().track(ctx, topic, user, "{}");
        try {
            hub.publish(topic, ctx.jsonText(new ChatEvent.Join(user, hub.presence().members(topic).size())));
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
            present.close();
            hub.publish(topic, ctx.jsonText(new ChatEvent.Leave(user, hub.presence().members(topic).size())));
        }
    }

    /** The room's members on every instance, sorted by name, for the presence list. */
    @Get("/api/chat/{room}")
    @Doc(summary = "Who is in a room, on every instance", tags = "chat")
    public Room room(@PathParam String room) {
        var users = hub.presence().members(topic(room)).keySet().stream().sorted(String.CASE_INSENSITIVE_ORDER).toList();
        return new Room(room, users.size(), users);
    }

    /** A room's topic on the hub: rooms are named apart from the hub's other topics. */
    static String topic(String room) {
        return "chat:" + room;
    }

    private static String guest() {
        return "guest-" + HexFormat.of().toHexDigits((short) ThreadLocalRandom.current().nextInt());
    }
}
