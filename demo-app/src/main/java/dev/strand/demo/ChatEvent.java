package dev.strand.demo;

/**
 * What a chat room's members receive, as JSON text: someone joined, said something, or left.
 * {@code count} is how many are in the room, on every instance, after the change (the hub's presence).
 */
public sealed interface ChatEvent {

    /** {@code {"type":"join","user":"ada","count":2}}. */
    record Join(String type, String user, int count) implements ChatEvent {
        public Join(String user, int count) {
            this("join", user, count);
        }
    }

    /** {@code {"type":"chat","user":"ada","text":"hello"}}. */
    record Chat(String type, String user, String text) implements ChatEvent {
        public Chat(String user, String text) {
            this("chat", user, text);
        }
    }

    /** {@code {"type":"leave","user":"ada","count":1}}. */
    record Leave(String type, String user, int count) implements ChatEvent {
        public Leave(String user, int count) {
            this("leave", user, count);
        }
    }
}
