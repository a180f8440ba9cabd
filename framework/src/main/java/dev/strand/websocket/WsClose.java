package dev.strand.websocket;

/**
 * How a WebSocket connection ended: the close code and reason the peer sent (or 1006 with an
 * empty reason when it vanished without a close frame, 1001 when the server shut down).
 *
 * @param code   the close code, e.g. 1000 for a normal close
 * @param reason the reason text, possibly empty
 */
public record WsClose(int code, String reason) {
    /** Normal closure. */
    public static final int NORMAL = 1000;
    /** The server is going away (graceful stop) or the peer navigated away. */
    public static final int GOING_AWAY = 1001;
    /** The peer broke the protocol. */
    public static final int PROTOCOL_ERROR = 1002;
    /** No close frame arrived: the connection dropped. */
    public static final int ABNORMAL = 1006;
    /** A message's data did not fit its type: text that is not UTF-8, or not the JSON the handler takes. */
    public static final int INVALID_PAYLOAD = 1007;
    /** A policy was violated. */
    public static final int POLICY_VIOLATION = 1008;
    /** A message was larger than the route's {@code maxMessageSize}. */
    public static final int TOO_BIG = 1009;
    /** The handler failed; details are in the server log only. */
    public static final int SERVER_ERROR = 1011;
    /** The peer read too slowly and its outbound buffer overflowed. */
    public static final int TRY_AGAIN_LATER = 1013;
}
