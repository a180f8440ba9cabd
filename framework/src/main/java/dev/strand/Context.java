package dev.strand;

import dev.strand.websocket.WsClose;
import dev.strand.websocket.WsMessage;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One request's view of the world, the same for HTTP routes, WebSocket connections and SSE streams:
 * what the client sent, and the response being built. A fresh Context is made for every request
 * and every connection; nothing carries over between keep-alive requests.
 *
 * <p>Response setters are fluent and only record what to send; {@link #send()} and
 * {@link #sendBody()} write it. A handler that writes nothing answers 204 (or what it set with
 * the setters, sent for it when it returns).
 *
 * {@snippet :
 * @Get("/hello/{name}")
 * void hello(Context ctx) {
 *     ctx.setResponseBody("Hello " + ctx.pathParam("name")).send();
 * }
 * }
 *
 * <p>A Context belongs to the thread running its handler. Sends on a WebSocket may come from any
 * thread; everything else is for the handler's own thread (and the middleware before it).
 */
public interface Context {

    // ---- request -------------------------------------------------------------------------

    /** The request method, upper case, e.g. {@code "GET"}. */
    String method();

    /** The request path as sent, still percent-encoded, without the query. */
    String path();

    /** The path pattern of the matched route, e.g. {@code /users/{id}}; {@code null} when no route matched. */
    String routePattern();

    /** A path parameter of the matched route, percent-decoded; {@code null} if the route has none of that name. */
    String pathParam(String name);

    /** All path parameters of the matched route, in pattern order. */
    Map<String, String> pathParams();

    /** The first value of a query parameter, or {@code null}. */
    String queryParam(String name);

    /** Every value of a query parameter, empty if absent. */
    List<String> queryParams(String name);

    /** All query parameters with all their values. */
    Map<String, List<String>> queryParamMap();

    /** The first value of a request header (case-insensitive), or {@code null}. */
    String header(String name);

    /** Every value of a request header, empty if absent. */
    List<String> headers(String name);

    /** A request cookie's value, or {@code null}. */
    String cookie(String name);

    /** All request cookies by name. */
    Map<String, String> cookies();

    /** The client's IP address as the socket sees it. */
    String remoteAddress();

    /**
     * The request body. On HTTP and SSE routes: the whole body, read on first call (blocking until
     * it arrived) and kept; past {@code maxRequestBodySize} it fails with a 413
     * {@link HttpException}. On WebSocket routes: the next whole message, blocking until it
     * arrives, or an empty array once the peer closed.
     */
    byte[] requestBody();

    /**
     * The request body as a stream, read as it arrives without holding it in memory, for uploads
     * of any size up to {@code Limits.maxStreamSize} (1 GiB by default); past it a read throws a
     * 413 {@link HttpException} and the connection is closed after the answer. Reads block this
     * (virtual) thread. Either this or {@link #requestBody()}, not both.
     *
     * @throws UnsupportedOperationException on WebSocket routes
     */
    java.io.InputStream requestBodyStream();

    /** {@link #requestBody()} decoded as UTF-8. */
    default String requestBodyString() {
        return new String(requestBody(), StandardCharsets.UTF_8);
    }

    /**
     * The request body decoded from JSON.
     *
     * @throws HttpException 400 with a message saying what was wrong and where, for bad JSON
     */
    <T> T requestBodyAs(Class<T> type);

    // ---- attributes ----------------------------------------------------------------------

    /** Stores a value for later steps of this request (middleware to handler, say). */
    <T> Context attribute(Key<T> key, T value);

    /** A value stored with {@link #attribute(Key, Object)}, or {@code null}. */
    <T> T attribute(Key<T> key);

    /** A typed attribute key; keys are equal when their names and types are. */
    record Key<T>(String name, Class<T> type) {
        public Key {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(type, "type");
        }

        /** A key for values of the given type. */
        public static <T> Key<T> of(String name, Class<T> type) {
            return new Key<>(name, type);
        }
    }

    // ---- response ------------------------------------------------------------------------

    /** Sets the response status; 200 unless set. */
    Context setResponseStatus(int status);

    /** The response status set so far. */
    int responseStatus();

    /**
     * Sets a response header, replacing earlier values.
     *
     * @throws IllegalStateException once the headers were sent: after the first {@code send} or
     *                               {@code sendBody}, and on SSE routes once the stream started
     */
    Context setResponseHeader(String name, String value);

    /** Adds a response header value, keeping earlier ones. */
    Context addResponseHeader(String name, String value);

    /** The first value of a response header set so far, or {@code null}. */
    String responseHeader(String name);

    /** Sets the body to bytes; {@code application/octet-stream} unless a content type is set. On WebSocket, a binary message. */
    Context setResponseBody(byte[] body);

    /** Sets the body to text; {@code text/plain; charset=utf-8} unless a content type is set. On WebSocket, a text message. */
    Context setResponseBody(String body);

    /** Sets the body to a value written as JSON; {@code application/json} unless a content type is set. */
    Context setResponseBody(Object body);

    /**
     * Writes status, headers and body, blocking until written. On an HTTP route this completes
     * the response; later sends fail. On an SSE route it starts the stream, which stays open. On a
     * WebSocket it sends the body as one message.
     *
     * @throws java.io.UncheckedIOException when the client is gone
     */
    Context send();

    /**
     * Writes the body as the next part of the response, blocking until written: the next chunk of
     * a streamed HTTP response (headers go first, on the first call), the next SSE event text, or
     * the next WebSocket message.
     *
     * @throws java.io.UncheckedIOException when the client is gone
     */
    Context sendBody();

    /** Whether the connection is known to be closed: later sends will fail. */
    boolean closed();

    /** Ends the exchange: completes the HTTP response, ends the SSE stream, or closes the WebSocket with 1000. */
    void close();

    // ---- sends that need no setter; safe from any thread on a WebSocket ---------------------

    /**
     * Sends text as the next part: a WebSocket text message, or the next chunk of an HTTP or SSE
     * response. On a WebSocket it returns once the message is queued for the socket, and may be
     * called from any thread; messages from one thread keep their order.
     *
     * @throws dev.strand.ClosedException when the peer is gone, or read so slowly that the
     *                                    connection's outbound buffer overflowed (the connection
     *                                    is then closed with 1013)
     */
    Context sendText(String text);

    /** Sends bytes as the next part: a WebSocket binary message, or a response chunk. Like {@link #sendText}. */
    Context sendBinary(byte[] bytes);

    /** Sends a value written as JSON text, like {@link #sendText}. */
    default Context sendJson(Object value) {
        return sendText(jsonText(value));
    }

    /** A value written as JSON text with the server's codec. */
    String jsonText(Object value);

    // ---- SSE ---------------------------------------------------------------------------------

    /**
     * Sends one Server-Sent Event on an {@code @Sse} route and flushes it, blocking until written.
     * The stream's headers were already sent when the stream started. Safe from any thread.
     *
     * @throws dev.strand.ClosedException when the client is gone (noticed at the latest by the
     *                                    next heartbeat); let it propagate to end the stream quietly
     * @throws UnsupportedOperationException on other routes
     */
    Context sendEvent(dev.strand.sse.SseEvent event);

    /**
     * The {@code Last-Event-ID} header a reconnecting EventSource sends, or {@code null}: the id
     * of the last event the browser got, decoded as the UTF-8 the browser sends it in (a value
     * that is not UTF-8 comes as the bytes' ISO-8859-1 text).
     */
    default String lastEventId() {
        var value = header("Last-Event-ID");
        if (value == null || value.chars().allMatch(c -> c < 0x80)) return value;
        try {
            // HTTP hands header bytes over as ISO-8859-1 text; undo that to decode them as UTF-8.
            return StandardCharsets.UTF_8.newDecoder()
                    .decode(ByteBuffer.wrap(value.getBytes(StandardCharsets.ISO_8859_1))).toString();
        } catch (CharacterCodingException e) {
            return value;
        }
    }

    // ---- WebSocket ---------------------------------------------------------------------------

    /**
     * The next whole WebSocket message, blocking this (virtual) thread until it arrives, or
     * {@code null} once the connection closed (see {@link #closeStatus()}). Strand reads at most
     * one message ahead of the handler, so a client sending faster than the handler receives is
     * held back by TCP. For the handler's own thread.
     *
     * @throws UnsupportedOperationException on HTTP and SSE routes
     */
    WsMessage receive();

    /** Sends a WebSocket ping; the peer's pong is handled by Strand. Safe from any thread. */
    Context ping(byte[] payload);

    /**
     * Closes a WebSocket with a code and a reason (at most 123 UTF-8 bytes; longer is cut), e.g.
     * {@code ctx.close(4000, "game over")}. On HTTP and SSE routes it is {@link #close()}.
     */
    void close(int code, String reason);

    /** How the WebSocket closed, or {@code null} while it is open and on HTTP and SSE routes. */
    WsClose closeStatus();

    /**
     * Runs {@code action} once when the exchange ends, by any path: the HTTP response completed,
     * the SSE stream ended, the WebSocket closed or died. Actions run in the order added, on
     * whichever thread noticed the end; they must not block for long. An action added after
     * the end runs at once.
     */
    void onClose(Runnable action);
}
