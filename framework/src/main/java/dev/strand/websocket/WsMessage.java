package dev.strand.websocket;

import java.nio.charset.StandardCharsets;

/**
 * One whole WebSocket message, as {@code Context.receive()} returns it: text or binary, fragments
 * already joined.
 *
 * {@snippet :
 * for (WsMessage msg; (msg = ctx.receive()) != null; ) {
 *     switch (msg) {
 *         case WsMessage.Text t -> ctx.sendText("Echo: " + t.text());
 *         case WsMessage.Binary b -> ctx.sendBinary(b.bytes());
 *     }
 * }
 * }
 */
public sealed interface WsMessage {

    /** {@return the message as bytes (text encoded as UTF-8, a new array each call)} */
    byte[] bytes();

    /**
     * A text message.
     *
     * @param text the whole message
     */
    record Text(String text) implements WsMessage {
        @Override
        public byte[] bytes() {
            return text.getBytes(StandardCharsets.UTF_8);
        }
    }

    /**
     * A binary message.
     *
     * @param bytes the whole message; the array is the receiver's own
     */
    record Binary(byte[] bytes) implements WsMessage {}
}
