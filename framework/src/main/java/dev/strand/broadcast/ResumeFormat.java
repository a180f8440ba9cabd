package dev.strand.broadcast;

import dev.strand.Context;
import dev.strand.sse.SseEvent;

/**
 * How a forwarded topic with history reaches a client that resumes, so that it learns each
 * message's id and hears of gaps.
 *
 * <p>WebSocket, for a client that asked for ids (the {@code lastEventId} query parameter, empty on
 * the first connection): each message is a text message {@code "\u001E" + id + "\n" + text}, a gap
 * is {@code "\u001Egap"}. The record separator U+001E starts no JSON or ordinary text, so the
 * client tells these from the handler's own messages. SSE: each message is an event with
 * {@code id:} and the text as {@code data:}; a gap is an event named {@code gap} with empty data.
 *
 * <p>A client that fell behind is disconnected (WebSocket 1013, SSE end of stream) rather than
 * left with a hole: it reconnects with the last id it got, and the history fills in the rest.
 */
final class ResumeFormat {
    /** Starts every resumable WebSocket message. */
    static final char MARK = '\u001E';
    static final String GAP = MARK + "gap";

    private ResumeFormat() {
    }

    static void webSocket(Context ctx, Delivery delivery) {
        switch (delivery) {
            case Delivery.Message(var text, var id) -> ctx.sendText(id == null ? text : MARK + id.toString() + "\n" + text);
            case Delivery.Gap() -> ctx.sendText(GAP);
            case Delivery.Lagged(var missed) -> ctx.close(1013, "fell " + missed + " messages behind; reconnect with lastEventId to catch up");
        }
    }

    static void sse(Context ctx, Delivery delivery) {
        switch (delivery) {
            case Delivery.Message(var text, var id) -> ctx.sendEvent(id == null ? SseEvent.data(text) : SseEvent.data(text).id(id.toString()));
            case Delivery.Gap() -> ctx.sendEvent(SseEvent.data("").event("gap"));
            case Delivery.Lagged(var missed) -> ctx.close();
        }
    }
}
