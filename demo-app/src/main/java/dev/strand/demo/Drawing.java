package dev.strand.demo;

/**
 * What a page sends to its whiteboard: a {@link Stroke} to draw, or {@link Clear} to wipe the
 * board for everyone.
 */
public sealed interface Drawing permits Stroke, Drawing.Clear {

    /** {@code {"type":"clear"}}: wipes the board for everyone. */
    record Clear(String type) implements Drawing {
        public Clear() {
            this("clear");
        }
    }

    /**
     * Reads one message from a page.
     *
     * @throws IllegalArgumentException with a message fit to send back to the page
     */
    static Drawing parse(String text) {
        var json = DemoJson.object(text, "whiteboard messages are JSON objects, e.g. {\"type\":\"clear\"}");
        return switch (json.path("type").asText("")) {
            case "stroke" -> Stroke.from(json);
            case "clear" -> new Clear();
            default -> throw new IllegalArgumentException("'type' is \"stroke\" or \"clear\"");
        };
    }
}
