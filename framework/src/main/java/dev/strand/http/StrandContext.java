package dev.strand.http;

import dev.strand.Context;
import dev.strand.routing.RouteMatch;
import dev.strand.websocket.WsClose;
import dev.strand.websocket.WsMessage;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

/**
 * The one {@link Context} implementation. Request getters read the Jetty request, or for a
 * WebSocket a snapshot of the upgrade request taken by {@link #detach()} (Jetty recycles the
 * request once the upgrade completes); response setters write Jetty's response headers directly
 * and keep the body until a send; the current {@link Channel} decides what a send means.
 */
public final class StrandContext implements Context {
    private static final byte[] EMPTY = new byte[0];
    private static final String TEXT = "text/plain; charset=utf-8";
    private static final String BYTES = "application/octet-stream";
    private static final String JSON = "application/json";

    private final Request request;
    private final Response response;
    private final Callback callback;
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

    private Throwable failure;
    private byte[] responseBody = EMPTY;
    private boolean hasBody;
    private String defaultContentType;
    private boolean statusSet;

    StrandContext(Request request, Response response, Callback callback, RouteMatch<?> match, Services services) {
        this.request = request;
        this.response = response;
        this.callback = callback;
        this.match = match;
        this.services = services;
        this.method = request.getMethod();
        this.uri = request.getHttpURI();
        this.headers = request.getHeaders();
        this.channel = new HttpChannel();
        response.setStatus(200);
    }

    // ---- for the framework ------------------------------------------------------------

    /** The Jetty request; not to be used after {@link #detach()}. */
    public Request request() {
        return request;
    }

    /** The Jetty response; committed once anything was sent. */
    public Response response() {
        return response;
    }

    /** Jetty's callback for this request; the channel completes it. */
    public Callback callback() {
        return callback;
    }

    /** The route this request matched, or {@code null} for an unknown path or method. */
    public RouteMatch<?> match() {
        return match;
    }

    public Services services() {
        return services;
    }

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
        headers = headers.asImmutable();
        query();
        cookies();
        remoteAddress();
    }

    /** Marks the exchange as failed beyond answering: it will be aborted when it completes. */
    public void fail(Throwable cause) {
        if (failure == null) failure = cause;
    }

    /** Why the exchange must be aborted, or {@code null}. */
    public Throwable failure() {
        return failure;
    }

    /** The body set since the last send, emptied by this call. */
    public byte[] takeResponseBody() {
        var body = responseBody;
        responseBody = EMPTY;
        hasBody = false;
        return body;
    }

    public boolean hasResponseBody() {
        return hasBody;
    }

    /** Whether the body set last was bytes: a WebSocket sends it as a binary message, text otherwise. */
    public boolean responseBodyIsBinary() {
        return defaultContentType == BYTES;
    }

    public boolean statusSet() {
        return statusSet;
    }

    /** After a handler that set no status and no body and sent nothing: the answer is 204. */
    void noContentIfEmpty() {
        if (!statusSet && !hasBody && channel.canRespond()) setResponseStatus(204);
    }

    /** Puts the default content type of the body kind set last, unless one was set explicitly. */
    public void applyContentType() {
        if (defaultContentType != null && !response.getHeaders().contains(HttpHeader.CONTENT_TYPE)) {
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, defaultContentType);
        }
    }

    /** Runs the close actions, once; later calls do nothing. Safe from any thread. */
    public void runCloseActions() {
        closeActions.run();
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
    public byte[] requestBody() {
        return channel.receive(this);
    }

    @Override
    public java.io.InputStream requestBodyStream() {
        return channel.requestBodyStream(this);
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
        response.setStatus(status);
        statusSet = true;
        return this;
    }

    @Override
    public int responseStatus() {
        return response.getStatus();
    }

    @Override
    public Context setResponseHeader(String name, String value) {
        if (response.isCommitted() && value != null && value.equals(response.getHeaders().get(name))) {
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
        if (response.isCommitted()) {
            throw new IllegalStateException("cannot set header " + name + ": the response headers were already sent "
                    + "(on SSE routes when the stream started; set such headers in middleware)");
        }
    }

    @Override
    public String responseHeader(String name) {
        return response.getHeaders().get(name);
    }

    @Override
    public Context setResponseBody(byte[] body) {
        return body(body, BYTES);
    }

    @Override
    public Context setResponseBody(String body) {
        return body(body.getBytes(StandardCharsets.UTF_8), TEXT);
    }

    @Override
    public Context setResponseBody(Object body) {
        return switch (body) {
            case String s -> setResponseBody(s);
            case byte[] b -> setResponseBody(b);
            default -> body(services.json().write(body), JSON);
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
        channel.send(this);
        return this;
    }

    @Override
    public Context sendBody() {
        channel.sendBody(this);
        return this;
    }

    @Override
    public Context sendText(String text) {
        channel.sendText(this, text);
        return this;
    }

    @Override
    public Context sendBinary(byte[] bytes) {
        channel.sendBinary(this, bytes);
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
        channel.close(this);
    }

    @Override
    public void onClose(Runnable action) {
        closeActions.add(action);
    }

    @Override
    public Context sendEvent(dev.strand.sse.SseEvent event) {
        channel.sendEvent(this, event);
        return this;
    }

    // ---- WebSocket --------------------------------------------------------------------

    @Override
    public WsMessage receive() {
        return channel.receiveMessage(this);
    }

    @Override
    public Context ping(byte[] payload) {
        channel.ping(this, payload);
        return this;
    }

    @Override
    public void close(int code, String reason) {
        channel.close(this, code, reason);
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
