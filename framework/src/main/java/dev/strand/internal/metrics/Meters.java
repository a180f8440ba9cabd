package dev.strand.internal.metrics;

/**
 * Where a server's channels report what they serve, made once at startup: one recorder for all
 * HTTP exchanges and one per WebSocket or SSE route, so that nothing is looked up per message.
 */
public interface Meters {

    /** Records nothing; what a server with metrics off uses. */
    Meters OFF = new Meters() {
        @Override
        public HttpMeters http() {
            return Off.INSTANCE;
        }

        @Override
        public WsMeters ws(String route) {
            return Off.INSTANCE;
        }

        @Override
        public SseMeters sse(String route) {
            return Off.INSTANCE;
        }
    };

    /** {@return the recorder of plain HTTP exchanges} */
    HttpMeters http();

    /** {@return the recorder of the WebSocket route with this pattern, e.g. {@code /chat/{room}}} */
    WsMeters ws(String route);

    /** {@return the recorder of the SSE route with this pattern} */
    SseMeters sse(String route);
}
