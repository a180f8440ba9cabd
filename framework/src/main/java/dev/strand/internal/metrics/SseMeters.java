package dev.strand.internal.metrics;

/** Records one SSE route's streams and events; called from the handlers' threads and Jetty's scheduler. */
public interface SseMeters {

    /** A stream opened (its headers went out). */
    void opened();

    /** An opened stream ended; called once per stream. */
    void closed();

    /** The handler sent an event (or another chunk) on a stream. */
    void event();

    /**
     * A stream's client was found gone.
     *
     * @param heartbeat whether a heartbeat comment found it, rather than one of the handler's sends
     */
    void vanished(boolean heartbeat);
}
