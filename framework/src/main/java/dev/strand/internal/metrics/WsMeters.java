package dev.strand.internal.metrics;

/** Records one WebSocket route's connections and messages; called from Jetty's and the handlers' threads. */
public interface WsMeters {

    /** A connection opened. */
    void opened();

    /**
     * A connection ended; called once per connection.
     *
     * @param code the close code it ended with (1006 when the peer vanished)
     */
    void closed(int code);

    /** A text message came in. */
    void textIn(String text);

    /** A binary message of this many bytes came in. */
    void binaryIn(int bytes);

    /** A text message was queued to go out. */
    void textOut(String text);

    /** A binary message of this many bytes was queued to go out. */
    void binaryOut(int bytes);

    /** A peer let its outbound buffer overflow and is being closed with 1013. */
    void slowConsumer();
}
