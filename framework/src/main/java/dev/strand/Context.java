package dev.strand;

import dev.strand.websocket.WsClose;
import dev.strand.websocket.WsMessage;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

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

    /** {@return the request method, upper case, e.g. {@code "GET"}} */
    String method();

    /** {@return the request path as sent, still percent-encoded, without the query, e.g. {@code /users/42}} */
    String path();

    /** {@return the path pattern of the matched route, e.g. {@code /users/{id}}; {@code null} when no route matched} */
    String routePattern();

    /**
     * {@return a path parameter of the matched route, percent-decoded; {@code null} if the route has none of that name}
     *
     * @param name the parameter's name in the pattern, e.g. {@code id} for {@code /users/{id}}
     */
    String pathParam(String name);

    /** {@return all path parameters of the matched route by name, percent-decoded, in pattern order; a new map each call} */
    Map<String, String> pathParams();

    /**
     * {@return the first value of a query parameter, percent-decoded, or {@code null} if absent}
     *
     * @param name the parameter's name, case-sensitive
     */
    String queryParam(String name);

    /**
     * {@return every value of a query parameter in request order, empty if absent}
     *
     * @param name the parameter's name, case-sensitive
     */
    List<String> queryParams(String name);

    /** {@return all query parameters with all their values, in request order; a new map each call} */
    Map<String, List<String>> queryParamMap();

    /**
     * {@return the first value of a request header, or {@code null} if absent}
     *
     * @param name the header's name, case-insensitive
     */
    String header(String name);

    /**
     * {@return every value of a request header in request order, empty if absent}
     *
     * @param name the header's name, case-insensitive
     */
    List<String> headers(String name);

    /**
     * {@return a request cookie's value, or {@code null}; of two cookies with one name, the first}
     *
     * @param name the cookie's name, case-sensitive
     */
    String cookie(String name);

    /** {@return all request cookies by name, unmodifiable; of two cookies with one name, the first} */
    Map<String, String> cookies();

    /**
     * {@return the client's IP address, e.g. {@code "127.0.0.1"}: the socket's peer, or, when that
     * peer is one of {@code StrandConfig.trustedProxies}, the client the proxy headers name
     * ({@code Forwarded: for=}, else {@code X-Forwarded-For} read from the right, past the trusted
     * proxies)}
     */
    String remoteAddress();

    /**
     * {@return the scheme the client used, {@code "http"} or {@code "https"}: the connection's, or
     * from a trusted proxy the {@code Forwarded: proto=} or {@code X-Forwarded-Proto} it sent}
     */
    String scheme();

    /**
     * {@return the host the client addressed, with the port when it is not the scheme's default,
     * e.g. {@code "example.com"} or {@code "localhost:8080"}: the {@code Host} header (HTTP/1.1) or
     * {@code :authority} (HTTP/2), or from a trusted proxy {@code Forwarded: host=}, else
     * {@code X-Forwarded-Host} and {@code X-Forwarded-Port}; the local address when the client sent none}
     */
    String host();

    // ---- forms and uploads ---------------------------------------------------------------

    /**
     * {@return the first value of a form field, or {@code null} if absent}: a field of an
     * {@code application/x-www-form-urlencoded} body (percent-decoded, UTF-8 unless the content
     * type names another charset), or a part without a file name of a {@code multipart/form-data}
     * body. Reads and parses the body on first call, blocking until it arrived; later calls reuse it.
     *
     * @param name the field's name, case-sensitive
     * @throws HttpException 415 when the body is of another content type; 400 for a malformed
     *                       body, naming the field; 413 past {@code Limits.maxBodySize} (URL-encoded),
     *                       the {@code FormConfig} limits (multipart) or {@code FormConfig.maxFields}
     */
    String formParam(String name);

    /**
     * {@return every value of a form field in request order, empty if absent}; read like {@link #formParam}
     *
     * @param name the field's name, case-sensitive
     */
    List<String> formParams(String name);

    /** {@return all form fields with all their values, in request order; a new map each call}; read like {@link #formParam} */
    Map<String, List<String>> formParamMap();

    /**
     * The file parts of a {@code multipart/form-data} body (parts with a file name), in request
     * order, stored as they arrive: in memory up to {@code FormConfig.memoryThreshold}, in a
     * temporary file beyond it. The files are deleted when the exchange ends, however it ends,
     * unless moved away with {@link Upload#transferTo}. Reads the body on first call, blocking
     * until it all arrived; later calls reuse it.
     *
     * @return the uploads, unmodifiable; empty when the form has no file parts
     * @throws HttpException 415 when the body is not {@code multipart/form-data}; 400 for a missing
     *                       boundary, a body cut short or malformed, a file name with {@code /} or
     *                       {@code \}; 413 past {@code FormConfig.maxFileSize},
     *                       {@code maxMultipartSize} or {@code maxFields}
     * @throws IllegalStateException after {@link #multipart()} or {@link #requestBodyStream()}
     *                               read the body
     */
    List<Upload> uploads();

    /**
     * {@return the first file part of a form field, or {@code null}}; read like {@link #uploads()}
     *
     * @param name the form field's name
     */
    default Upload upload(String name) {
        for (var upload : uploads()) {
            if (upload.name().equals(name)) return upload;
        }
        return null;
    }

    /**
     * The parts of a {@code multipart/form-data} body, fields and files, streamed from the socket
     * in request order without storing them: each part's {@link Upload#inputStream()} reads its
     * content as it arrives, blocking this (virtual) thread, until the loop moves to the next
     * part (what the handler left unread is skipped). For uploads larger than memory or disk
     * should hold. Limits apply as for {@link #uploads()}, found while reading: the iterator's
     * {@code hasNext()} or a part's stream throws the {@link HttpException}.
     *
     * {@snippet :
     * for (Upload part : ctx.multipart()) {
     *     try (var in = part.inputStream()) {
     *         digest(part.fileName(), in);
     *     }
     * }
     * }
     *
     * @return the parts, to be iterated once
     * @throws HttpException         415 when the body is not {@code multipart/form-data}; 400 when
     *                               its boundary is missing
     * @throws IllegalStateException after {@link #uploads()}, {@link #formParam}, another
     *                               {@code multipart()} or {@link #requestBodyStream()} read the body
     */
    Iterable<Upload> multipart();

    /**
     * The request body. On HTTP and SSE routes: the whole body, read on first call (blocking until
     * it arrived) and kept; past {@code maxRequestBodySize} it fails with a 413
     * {@link HttpException}. On WebSocket routes: the next whole message, blocking until it
     * arrives, or an empty array once the peer closed.
     *
     * @return the body's bytes, empty if there is none; the same array on later calls (HTTP, SSE)
     * @throws HttpException          413 past the limit; 400 for a body with broken framing
     * @throws dev.strand.ClosedException when the client left while sending the body
     * @throws IllegalStateException  after {@link #requestBodyStream()} read the body
     */
    byte[] requestBody();

    /**
     * The request body as a stream, read as it arrives without holding it in memory, for uploads
     * of any size up to {@code Limits.maxStreamSize} (1 GiB by default); past it a read throws a
     * 413 {@link HttpException} and the connection is closed after the answer. Reads block this
     * (virtual) thread. Either this or {@link #requestBody()}, not both.
     *
     * @return the body as a stream, for the handler's thread
     * @throws HttpException                 413 when the declared length is already past the limit
     * @throws IllegalStateException         when called twice
     * @throws UnsupportedOperationException on WebSocket routes
     */
    java.io.InputStream requestBodyStream();

    /** {@return {@link #requestBody()} decoded as UTF-8}, with its failures */
    default String requestBodyString() {
        return new String(requestBody(), StandardCharsets.UTF_8);
    }

    /**
     * The request body decoded from JSON into {@code type} (a record, a class with a default
     * constructor, a {@code Map}...) with the server's codec. With the default codec, unknown
     * properties are ignored; a duplicate key, content after the value, a fraction where an
     * integer belongs, an empty body and JSON {@code null} are errors. Reads the body like
     * {@link #requestBody()}.
     *
     * @param type the type to decode into
     * @param <T>  that type
     * @return the decoded value, never {@code null}
     * @throws HttpException 400 with a message saying what was wrong and where, for an empty body,
     *                       malformed JSON or JSON that does not fit {@code type}; 413 past
     *                       {@code Limits.maxBodySize}
     */
    <T> T requestBodyAs(Class<T> type);

    // ---- attributes ----------------------------------------------------------------------

    /**
     * Stores a value for later steps of this request (middleware to handler, say), replacing an
     * earlier one under the same key.
     *
     * @param key   the key
     * @param value the value, or {@code null} to clear it
     * @param <T>   the value's type
     * @return this Context
     * @throws ClassCastException when {@code value} is not of the key's type (possible only unchecked)
     */
    <T> Context attribute(Key<T> key, T value);

    /**
     * {@return a value stored with {@link #attribute(Key, Object)}, or {@code null}}
     *
     * @param key the key it was stored under
     * @param <T> the value's type
     */
    <T> T attribute(Key<T> key);

    /**
     * A typed attribute key; keys are equal when their names and types are.
     *
     * @param name a name, for equality and messages
     * @param type the values' type
     * @param <T>  the values' type
     */
    record Key<T>(String name, Class<T> type) {
        /**
         * Checks the key.
         *
         * @throws NullPointerException for a missing name or type
         */
        public Key {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(type, "type");
        }

        /**
         * {@return a key for values of the given type}
         *
         * @param name a name, for equality and messages
         * @param type the values' type
         * @param <T>  the values' type
         */
        public static <T> Key<T> of(String name, Class<T> type) {
            return new Key<>(name, type);
        }
    }

    // ---- response ------------------------------------------------------------------------

    /**
     * Sets the response status; 200 unless set (204 for a handler that sets and sends nothing).
     * It goes out with the headers, so it counts until the first send.
     *
     * @param status an HTTP status, e.g. 201
     * @return this Context
     */
    Context setResponseStatus(int status);

    /** {@return the response status set so far; 200 unless set} */
    int responseStatus();

    /**
     * Sets a response header, replacing earlier values. Setting one again to the value already
     * sent is allowed at any time.
     *
     * @param name  the header's name, case-insensitive
     * @param value the value
     * @return this Context
     * @throws IllegalStateException once the headers were sent: after the first {@code send} or
     *                               {@code sendBody}, and on SSE routes once the stream started
     */
    Context setResponseHeader(String name, String value);

    /**
     * Adds a response header value, keeping earlier ones.
     *
     * @param name  the header's name, case-insensitive
     * @param value the value to add
     * @return this Context
     * @throws IllegalStateException once the headers were sent, as for {@link #setResponseHeader}
     */
    Context addResponseHeader(String name, String value);

    /**
     * {@return the first value of a response header set so far, or {@code null}}
     *
     * @param name the header's name, case-insensitive
     */
    String responseHeader(String name);

    /**
     * Adds a {@code Set-Cookie} header for {@code cookie}, rendered as RFC 6265 says (an
     * {@code Expires} beside a positive {@code Max-Age}, for old browsers).
     *
     * @param cookie the cookie, checked when it was made
     * @return this Context
     * @throws IllegalStateException once the headers were sent, as for {@link #setResponseHeader}
     */
    Context setCookie(Cookie cookie);

    /**
     * Sets a session cookie for the whole site; {@code setCookie(Cookie.of(name, value))}.
     *
     * @param name  the name, an RFC 9110 token
     * @param value the value, RFC 6265 cookie octets
     * @return this Context
     * @throws IllegalArgumentException for a name or value a cookie cannot carry
     */
    default Context setCookie(String name, String value) {
        return setCookie(Cookie.of(name, value));
    }

    /**
     * Tells the browser to drop a cookie set for the whole site ({@code Path=/}, this host).
     *
     * @param name the cookie's name
     * @return this Context
     * @throws IllegalArgumentException for a name that is not a token
     */
    default Context removeCookie(String name) {
        return removeCookie(name, "/", null);
    }

    /**
     * Tells the browser to drop a cookie: an empty value that expired at once, with the path and
     * domain it was set with (a browser keeps cookies apart by name, path and domain).
     *
     * @param name   the cookie's name
     * @param path   the path it was set with, or {@code null} when it was set without one
     * @param domain the domain it was set with, or {@code null} when it was set without one
     * @return this Context
     * @throws IllegalArgumentException for a name that is not a token, or a path or domain with {@code ;}
     */
    default Context removeCookie(String name, String path, String domain) {
        return setCookie(new Cookie(name, "", java.time.Duration.ZERO, path, domain, false, false, null));
    }

    /**
     * Sets the body to bytes, to be sent by the next send (or when the handler returns);
     * {@code application/octet-stream} unless a content type is set. On WebSocket, a binary message.
     *
     * @param body the bytes, not copied: do not change them before they are sent
     * @return this Context
     */
    Context setResponseBody(byte[] body);

    /**
     * Sets the body to text, encoded as UTF-8; {@code text/plain; charset=utf-8} unless a content
     * type is set. On WebSocket, a text message.
     *
     * @param body the text
     * @return this Context
     */
    Context setResponseBody(String body);

    /**
     * Sets the body to a value written as JSON with the server's codec; {@code application/json}
     * unless a content type is set. A {@code String} or {@code byte[]} is set as it is, like the
     * other setters.
     *
     * @param body the value: a record, a bean, a collection, a map...
     * @return this Context
     * @throws IllegalStateException when the codec cannot write the value
     */
    Context setResponseBody(Object body);

    /**
     * Writes status, headers and body, blocking until written. On an HTTP route this completes
     * the response; later sends fail. On an SSE route it starts the stream, which stays open. On a
     * WebSocket it sends the body as one message.
     *
     * @return this Context
     * @throws dev.strand.ClosedException when the client is gone, or the SSE stream or WebSocket
     *                                    is closed
     * @throws IllegalStateException      on an HTTP route whose response was already sent (by
     *                                    {@code send()}, {@link #close()} or the handler's return)
     */
    Context send();

    /**
     * Writes the body as the next part of the response, blocking until written: the next chunk of
     * a streamed HTTP response (headers go first, on the first call), the next SSE event text, or
     * the next WebSocket message.
     *
     * @return this Context
     * @throws dev.strand.ClosedException when the client is gone, or the exchange already ended
     *                                    (an HTTP response already sent, a closed stream or
     *                                    WebSocket), like {@link #sendText}
     */
    Context sendBody();

    /** {@return whether the exchange is known to have ended (the client gone, the response complete, the stream or WebSocket closed): later sends will fail} */
    boolean closed();

    /**
     * Ends the exchange: completes the HTTP response (sending what is pending), ends the SSE
     * stream, or closes the WebSocket with 1000. Later calls do nothing.
     *
     * @throws dev.strand.ClosedException when the client is gone while the response is sent
     */
    void close();

    // ---- sends that need no setter; safe from any thread on a WebSocket ---------------------

    /**
     * Sends text as the next part: a WebSocket text message, or the next chunk of an HTTP or SSE
     * response. On a WebSocket it returns once the message is queued for the socket, and may be
     * called from any thread; messages from one thread keep their order. On HTTP and SSE it blocks
     * until written, and is for the handler's thread.
     *
     * @param text the text, sent as UTF-8
     * @return this Context
     * @throws dev.strand.ClosedException when the peer is gone, the exchange already ended (an
     *                                    HTTP response already sent, a closed stream or
     *                                    WebSocket), or the peer read so slowly that the
     *                                    connection's outbound buffer overflowed (the connection
     *                                    is then closed with 1013)
     */
    Context sendText(String text);

    /**
     * Sends bytes as the next part: a WebSocket binary message, or a response chunk. Like
     * {@link #sendText}, with its threads and failures.
     *
     * @param bytes the bytes, not copied: do not change them before they are sent
     * @return this Context
     */
    Context sendBinary(byte[] bytes);

    /**
     * Sends a value written as JSON text, like {@link #sendText}.
     *
     * @param value the value, written with the server's codec
     * @return this Context
     */
    default Context sendJson(Object value) {
        return sendText(jsonText(value));
    }

    /**
     * {@return a value written as JSON text with the server's codec}
     *
     * @param value the value
     * @throws IllegalStateException when the codec cannot write the value
     */
    String jsonText(Object value);

    // ---- SSE ---------------------------------------------------------------------------------

    /**
     * Sends one Server-Sent Event on an {@code @Sse} route and flushes it, blocking until written.
     * The stream's headers were already sent when the stream started. Safe from any thread.
     *
     * @throws dev.strand.ClosedException when the client is gone (noticed at the latest by the
     *                                    next heartbeat); let it propagate to end the stream quietly
     * @param event the event
     * @return this Context
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

    /**
     * Where the client asks to resume a stream of messages: the {@code Last-Event-ID} header
     * ({@link #lastEventId()}), or else the {@code lastEventId} query parameter, which is how a
     * browser's WebSocket (it cannot set headers) sends it; {@code /strand.js} sends it on every
     * reconnect. An empty value means "from now on, with ids". The text is as the client sent
     * it: see {@link dev.strand.broadcast.MessageId#valueOf} to check it.
     *
     * @return the resume point as sent, or empty when the client sent none
     */
    default Optional<String> resumeFrom() {
        var header = lastEventId();
        return Optional.ofNullable(header != null ? header : queryParam("lastEventId"));
    }

    // ---- WebSocket ---------------------------------------------------------------------------

    /**
     * The next whole WebSocket message, blocking this (virtual) thread until it arrives, or
     * {@code null} once the connection closed (see {@link #closeStatus()}). Strand reads at most
     * one message ahead of the handler and holds back the frame after it, so a client sending
     * faster than the handler receives is held back by TCP; a close, ping or pong is still read
     * while a message waits. For the handler's own thread.
     *
     * @return the message, or {@code null} once the connection closed (also when the waiting thread is interrupted)
     * @throws UnsupportedOperationException on HTTP and SSE routes
     */
    WsMessage receive();

    /**
     * Sends a WebSocket ping without waiting; the peer's pong is handled by Strand. Safe from any thread.
     *
     * @param payload at most 125 bytes, as RFC 6455 allows
     * @return this Context
     * @throws dev.strand.ClosedException         when the WebSocket is closed
     * @throws UnsupportedOperationException on HTTP and SSE routes
     */
    Context ping(byte[] payload);

    /**
     * Closes a WebSocket with a code and a reason (at most 123 UTF-8 bytes; longer is cut), e.g.
     * {@code ctx.close(4000, "game over")}. On HTTP and SSE routes it is {@link #close()}. Does
     * nothing once the WebSocket is closed. Safe from any thread.
     *
     * @param code   a close code of RFC 6455 §7.4, e.g. 1000, or 4000-4999 for the app's own
     * @param reason a reason for the peer, cut to 123 UTF-8 bytes
     */
    void close(int code, String reason);

    /** {@return how the WebSocket closed (code and reason), or {@code null} while it is open and on HTTP and SSE routes} */
    WsClose closeStatus();

    /**
     * Runs {@code action} once when the exchange ends, by any path: the HTTP response completed,
     * the SSE stream ended, the WebSocket closed or died. Actions run in the order added, on
     * whichever thread noticed the end; they must not block for long. An action added after
     * the end runs at once. An action that throws is logged, and the others still run.
     *
     * @param action what to run, e.g. leaving a broadcast topic
     */
    void onClose(Runnable action);

    /**
     * What this exchange is, fixed once the handler runs: {@link Kind#WEBSOCKET} on a {@code @Ws}
     * route once the connection is open, {@link Kind#SSE} on an {@code @Sse} route once the stream
     * started, {@link Kind#HTTP} otherwise (also for middleware running before the upgrade or
     * the stream).
     */
    Kind kind();

    /** The kinds of exchange one {@link Context} serves. */
    enum Kind {
        /** A request answered with one response, possibly streamed in chunks. */
        HTTP,
        /** A Server-Sent Events stream: sends are events, blocking until written. */
        SSE,
        /** A WebSocket connection: sends only queue, receives wait for the next message. */
        WEBSOCKET
    }
}
