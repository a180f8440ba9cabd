package dev.strand.internal.http;

import dev.strand.Context;
import dev.strand.Cookie;
import dev.strand.Upload;
import dev.strand.internal.routing.RouteMatch;
import dev.strand.websocket.WsClose;
import dev.strand.websocket.WsMessage;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.http.HostPortHttpField;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.util.URIUtil;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.server.HttpCookieUtils;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Fields;

/**
 * The one {@link Context} implementation. Request getters read the Jetty request, or for a
 * WebSocket a snapshot of the upgrade request taken by {@link #detach()} (Jetty recycles the
 * request once the upgrade completes); response setters write Jetty's response headers directly
 * and keep the body until a send, which hands it to the current {@link Channel} in one call.
 */
public final class StrandContext implements Context {
    private static final byte[] EMPTY = new byte[0];

    // Let go of by release() once a WebSocket's upgrade is over; the getters then read the copies,
    // written before the response is let go of (volatile, and read once per call: the
    // dispatching thread or the WebSocket's loop may be reading while it is let go of).
    private Exchange exchange;
    private Request request;
    private volatile Response response;
    private int sentStatus;
    private HttpFields sentHeaders;
    private final RouteMatch<?> match;
    private final Services services;
    private final String method;
    private final HttpURI uri;
    private final CloseActions closeActions = new CloseActions();
    private HttpFields headers;
    private Channel channel;

    private Map<Key<?>, Object> attributes;
    private Fields query;
    private Map<String, String> cookies;
    private String remoteAddress;
    private String scheme;
    private String host;
    private FormData form;
    private boolean partsStreamed;

    private Throwable failure;
    private byte[] responseBody = EMPTY;
    private boolean hasBody;
    private String defaultContentType;
    private boolean statusSet;

    StrandContext(Exchange exchange, RouteMatch<?> match, Services services) {
        this.exchange = exchange;
        this.request = exchange.request();
        this.response = exchange.response();
        this.match = match;
        this.services = services;
        this.method = request.getMethod();
        this.uri = request.getHttpURI();
        this.headers = request.getHeaders();
        this.channel = new HttpChannel(exchange, services.config().limits(), closeActions);
        response.setStatus(200);
    }

    // ---- for the endpoints that switch channels --------------------------------------

    /** The Jetty exchange, for a channel to take over; its request is not to be used after {@link #detach()}. */
    public Exchange exchange() {
        return exchange;
    }

    /** What every Context of this server shares: settings, JSON codec, error responses, open streams. */
    public Services services() {
        return services;
    }

    /** The actions {@link #onClose} collected, for the channel that sees the exchange end. */
    public Runnable closeActions() {
        return closeActions::run;
    }

    /** The channel sends go to now: HTTP until an endpoint switches to SSE or WebSocket. */
    public Channel channel() {
        return channel;
    }

    /** Switches to another channel, e.g. once a stream starts or a WebSocket opens. */
    public void channel(Channel channel) {
        this.channel = channel;
    }

    /**
     * Copies what the request getters need out of the Jetty request, so they keep working for
     * the life of a WebSocket after Jetty recycles the upgrade request.
     */
    public void detach() {
        headers = standalone(headers);
        query();
        cookies();
        remoteAddress();
        scheme();
        host();
    }

    /**
     * A copy of {@code fields} that does not reach back into Jetty's HTTP parser: the fields it
     * parses are inner objects of the parser, which holds the HTTP connection, so a copy that
     * shared them would keep a WebSocket's whole upgrade exchange alive. Jetty's own shared
     * fields (pre-encoded, cached) and plain ones are kept as they are.
     */
    private static HttpFields standalone(HttpFields fields) {
        var copy = HttpFields.build(fields.size());
        for (var field : fields) {
            boolean plain = field.getClass() == HttpField.class || field instanceof PreEncodedHttpField || field instanceof HostPortHttpField;
            copy.add(plain ? field : new HttpField(field.getHeader(), field.getName(), field.getValue()));
        }
        return copy.asImmutable();
    }

    /**
     * Lets go of Jetty's request and response once a WebSocket's upgrade response was written,
     * keeping a copy of its status and headers for the response getters. Call it before the
     * upgrade's callback completes: Jetty then recycles the exchange and empties the response's
     * headers. Through the request Jetty keeps the HTTP connection the upgrade left behind, with
     * its parser and header buffers, about 1.5 KB per WebSocket.
     */
    public void release() {
        var sent = response;
        if (sent == null) return;
        sentStatus = sent.getStatus();
        sentHeaders = HttpFields.build(sent.getHeaders()).asImmutable();
        exchange = null;
        request = null;
        response = null;
    }

    // ---- for the handler and the error responses ---------------------------------------

    /** Marks the exchange as failed beyond answering: it will be aborted when it completes. */
    void fail(Throwable cause) {
        if (failure == null) failure = cause;
    }

    /** Drops the body set so far and the content type set for it, before an error response. */
    void resetBody() {
        var r = response;
        if (r != null) r.getHeaders().remove(HttpHeader.CONTENT_TYPE);
        pending();
    }

    /** The body set since the last send, emptied by this call. */
    private Body pending() {
        var body = new Body(responseBody, defaultContentType);
        responseBody = EMPTY;
        hasBody = false;
        return body;
    }

    /** Sets the body with its default content type, as the public setters do. */
    void pendingBody(Body body) {
        body(body.bytes(), body.contentType());
    }

    /** Whether an error response can still be written. */
    boolean canRespond() {
        return channel.canRespond();
    }

    /** After a handler that set no status and no body and sent nothing: the answer is 204. */
    void noContentIfEmpty() {
        if (!statusSet && !hasBody && channel.canRespond()) setResponseStatus(204);
    }

    /**
     * Finishes the exchange once the handler and middleware are done. Uploads are deleted first,
     * so that a client that has the response finds no temporary file of its request left.
     */
    void complete() {
        try {
            if (form != null) form.close();
        } finally {
            channel.complete(pending(), failure);
        }
    }

    // ---- request ----------------------------------------------------------------------

    @Override
    public String method() {
        return method;
    }

    @Override
    public String path() {
        return uri.getPath();
    }

    @Override
    public String routePattern() {
        return match == null ? null : match.route().pattern().source();
    }

    @Override
    public String pathParam(String name) {
        return match == null ? null : match.param(name);
    }

    @Override
    public Map<String, String> pathParams() {
        return match == null ? Map.of() : match.params();
    }

    @Override
    public String queryParam(String name) {
        return query().getValue(name);
    }

    @Override
    public List<String> queryParams(String name) {
        var values = query().getValues(name);
        return values == null ? List.of() : values;
    }

    @Override
    public Map<String, List<String>> queryParamMap() {
        var map = new LinkedHashMap<String, List<String>>();
        for (var field : query()) map.put(field.getName(), field.getValues());
        return map;
    }

    private Fields query() {
        if (query == null) {
            query = uri.getQuery() == null ? Fields.EMPTY : Request.extractQueryParameters(request);
        }
        return query;
    }

    @Override
    public String header(String name) {
        return headers.get(name);
    }

    @Override
    public List<String> headers(String name) {
        return headers.getValuesList(name);
    }

    @Override
    public String cookie(String name) {
        return cookies().get(name);
    }

    @Override
    public Map<String, String> cookies() {
        if (cookies == null) {
            var list = Request.getCookies(request);
            if (list.isEmpty()) {
                cookies = Map.of();
            } else {
                var map = new LinkedHashMap<String, String>();
                for (var c : list) map.putIfAbsent(c.getName(), c.getValue());
                cookies = Collections.unmodifiableMap(map);
            }
        }
        return cookies;
    }

    @Override
    public String remoteAddress() {
        if (remoteAddress == null) remoteAddress = Request.getRemoteAddr(request);
        return remoteAddress;
    }

    @Override
    public String scheme() {
        if (scheme == null) scheme = uri.getScheme() == null ? (request.isSecure() ? "https" : "http") : uri.getScheme();
        return scheme;
    }

    @Override
    public String host() {
        if (host == null) {
            var name = Request.getServerName(request);
            if (name == null) name = Request.getLocalAddr(request);
            if (name.indexOf(':') >= 0 && !name.startsWith("[")) name = "[" + name + "]";
            int port = Request.getServerPort(request);
            host = port <= 0 || port == URIUtil.getDefaultPortForScheme(scheme()) ? name : name + ":" + port;
        }
        return host;
    }

    @Override
    public String formParam(String name) {
        return form().fields().getValue(name);
    }

    @Override
    public List<String> formParams(String name) {
        var values = form().fields().getValues(name);
        return values == null ? List.of() : values;
    }

    @Override
    public Map<String, List<String>> formParamMap() {
        var map = new LinkedHashMap<String, List<String>>();
        for (var field : form().fields()) map.put(field.getName(), field.getValues());
        return map;
    }

    @Override
    public List<Upload> uploads() {
        var type = FormData.mediaType(header("Content-Type"));
        if (!FormData.MULTIPART.equals(type)) throw FormData.notAForm(type, "uploads");
        return form().uploads();
    }

    @Override
    public Iterable<Upload> multipart() {
        var type = FormData.mediaType(header("Content-Type"));
        if (!FormData.MULTIPART.equals(type)) throw FormData.notAForm(type, "multipart parts");
        if (form != null || partsStreamed) {
            throw new IllegalStateException("the multipart body was already read" + (form != null ? " by formParam() or uploads()" : "")
                    + "; read it once, with multipart() or with the form methods");
        }
        var boundary = FormData.boundary(header("Content-Type"));
        partsStreamed = true;
        return new MultipartStream(boundary, channel.requestBodyStream(), services.config().forms());
    }

    private FormData form() {
        if (partsStreamed) throw new IllegalStateException("the multipart body was already streamed by multipart(); read it once");
        if (form == null) form = FormData.read(header("Content-Type"), channel, services.config().forms());
        return form;
    }

    @Override
    public byte[] requestBody() {
        return channel.receive();
    }

    @Override
    public java.io.InputStream requestBodyStream() {
        return channel.requestBodyStream();
    }

    @Override
    public <T> T requestBodyAs(Class<T> type) {
        return services.json().read(requestBody(), type);
    }

    // ---- attributes -------------------------------------------------------------------

    @Override
    public <T> Context attribute(Key<T> key, T value) {
        if (attributes == null) attributes = new HashMap<>(8);
        attributes.put(key, key.type().cast(value));
        return this;
    }

    @Override
    public <T> T attribute(Key<T> key) {
        return attributes == null ? null : key.type().cast(attributes.get(key));
    }

    // ---- response ---------------------------------------------------------------------

    @Override
    public Context setResponseStatus(int status) {
        if (response == null) throw new IllegalStateException("cannot set the status: the WebSocket handshake's response was sent");
        response.setStatus(status);
        statusSet = true;
        return this;
    }

    @Override
    public int responseStatus() {
        var r = response;
        return r == null ? sentStatus : r.getStatus();
    }

    @Override
    public Context setResponseHeader(String name, String value) {
        if (value != null && headersSent() && value.equals(responseHeader(name))) {
            return this;
        }
        headersNotSent(name);
        response.getHeaders().put(name, value);
        return this;
    }

    @Override
    public Context addResponseHeader(String name, String value) {
        headersNotSent(name);
        response.getHeaders().add(name, value);
        return this;
    }

    /**
     * A header set after the response started would be lost without a word; say so instead. Setting
     * one to the value already sent is fine (the seeds' SSE handlers set their content type so).
     */
    private void headersNotSent(String name) {
        if (response == null) {
            throw new IllegalStateException("cannot set header " + name + ": the WebSocket handshake's response was sent "
                    + "(set such headers in middleware, before the upgrade)");
        }
        if (headersSent()) {
            throw new IllegalStateException("cannot set header " + name + ": the response headers were already sent "
                    + "(on SSE routes when the stream started; set such headers in middleware)");
        }
    }

    private boolean headersSent() {
        var r = response;
        return r == null || r.isCommitted();
    }

    @Override
    public Context setCookie(Cookie cookie) {
        var jetty = HttpCookie.build(cookie.name(), cookie.value())
                .path(cookie.path())
                .domain(cookie.domain())
                .maxAge(cookie.maxAge() == null ? -1 : cookie.maxAge().toSeconds())
                .secure(cookie.secure())
                .httpOnly(cookie.httpOnly());
        if (cookie.sameSite() != null) jetty.sameSite(HttpCookie.SameSite.valueOf(cookie.sameSite().name()));
        return addResponseHeader(HttpHeader.SET_COOKIE.asString(), HttpCookieUtils.getRFC6265SetCookie(jetty.build()));
    }

    @Override
    public String responseHeader(String name) {
        var r = response;
        return r == null ? sentHeaders.get(name) : r.getHeaders().get(name);
    }

    @Override
    public Context setResponseBody(byte[] body) {
        return body(body, Body.BYTES);
    }

    @Override
    public Context setResponseBody(String body) {
        return body(body.getBytes(StandardCharsets.UTF_8), Body.TEXT);
    }

    @Override
    public Context setResponseBody(Object body) {
        return switch (body) {
            case String s -> setResponseBody(s);
            case byte[] b -> setResponseBody(b);
            default -> body(services.json().write(body), Body.JSON);
        };
    }

    private Context body(byte[] bytes, String contentType) {
        responseBody = bytes;
        hasBody = true;
        defaultContentType = contentType;
        return this;
    }

    @Override
    public Context send() {
        channel.send(pending());
        return this;
    }

    @Override
    public Context sendBody() {
        channel.sendBody(pending());
        return this;
    }

    @Override
    public Context sendText(String text) {
        channel.sendText(text);
        return this;
    }

    @Override
    public Context sendBinary(byte[] bytes) {
        channel.sendBinary(bytes);
        return this;
    }

    @Override
    public String jsonText(Object value) {
        return new String(services.json().write(value), StandardCharsets.UTF_8);
    }

    @Override
    public boolean closed() {
        return channel.closed();
    }

    @Override
    public void close() {
        channel.close(pending());
    }

    @Override
    public Kind kind() {
        return channel.kind();
    }

    @Override
    public void onClose(Runnable action) {
        closeActions.add(action);
    }

    @Override
    public Context sendEvent(dev.strand.sse.SseEvent event) {
        channel.sendEvent(event);
        return this;
    }

    // ---- WebSocket --------------------------------------------------------------------

    @Override
    public WsMessage receive() {
        return channel.receiveMessage();
    }

    @Override
    public Context ping(byte[] payload) {
        channel.ping(payload);
        return this;
    }

    @Override
    public void close(int code, String reason) {
        channel.close(pending(), code, reason);
    }

    @Override
    public WsClose closeStatus() {
        return channel.closeStatus();
    }

    @Override
    public String toString() {
        return method + " " + uri.getPath();
    }
}
