package dev.strand.test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;

/**
 * A client bound to one server's base URI, speaking HTTP/1.1. Every call blocks for at most
 * {@link #timeout()} and fails with a message saying what it waited for.
 *
 * <p>Headers are given as name/value pairs: {@code client.get("/me", "Authorization", "Bearer t")}.
 */
public final class TestClient implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final HttpClient http;
    private volatile Duration timeout = Duration.ofSeconds(10);

    /** A client for the server at {@code base} (e.g. {@code http://127.0.0.1:8080/}). */
    public TestClient(URI base) {
        this.base = base;
        // HTTP/1.1 as tests reason about it (chunks, Connection: close after a refusal): the JDK's
        // default would upgrade every plain connection to h2c, which Strand serves beside it.
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newVirtualThreadPerTaskExecutor())
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    /** The server's base URI. */
    public URI base() {
        return base;
    }

    /** The longest any call waits; 10 seconds unless set. WebSocket and SSE clients already open follow changes. */
    public Duration timeout() {
        return timeout;
    }

    /** Sets the longest any call waits. */
    public TestClient timeout(Duration limit) {
        this.timeout = limit;
        return this;
    }

    /** The absolute URI of a path on the server, e.g. {@code uri("/hello")}. */
    public URI uri(String path) {
        return base.resolve(path.startsWith("/") ? path.substring(1) : path);
    }

    /** The underlying JDK client, for what the helpers do not cover. */
    public HttpClient http() {
        return http;
    }

    public TestResponse get(String path, String... headers) {
        return request("GET", path, null, headers);
    }

    public TestResponse delete(String path, String... headers) {
        return request("DELETE", path, null, headers);
    }

    /** POSTs text (or whatever {@code Content-Type} the headers name). */
    public TestResponse post(String path, String body, String... headers) {
        return request("POST", path, body.getBytes(StandardCharsets.UTF_8), headers);
    }

    /** POSTs a value written as JSON, with {@code Content-Type: application/json}. */
    public TestResponse postJson(String path, Object value, String... headers) {
        return request("POST", path, json(value), withHeader(headers, "Content-Type", "application/json"));
    }

    /** PATCHes a value written as JSON. */
    public TestResponse patchJson(String path, Object value, String... headers) {
        return request("PATCH", path, json(value), withHeader(headers, "Content-Type", "application/json"));
    }

    /** PUTs a value written as JSON. */
    public TestResponse putJson(String path, Object value, String... headers) {
        return request("PUT", path, json(value), withHeader(headers, "Content-Type", "application/json"));
    }

    /** Sends any method with an optional body. */
    public TestResponse request(String method, String path, byte[] body, String... headers) {
        var builder = HttpRequest.newBuilder(uri(path)).timeout(timeout)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (headers.length % 2 != 0) throw new IllegalArgumentException("headers come in name/value pairs");
        for (int i = 0; i < headers.length; i += 2) builder.header(headers[i], headers[i + 1]);
        return send(builder.build(), method + " " + path);
    }

    /** Sends and reads the whole response within one timeout: the request's own covers only the headers. */
    private TestResponse send(HttpRequest request, String what) {
        var pending = http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray());
        try {
            var response = pending.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return new TestResponse(response.statusCode(), response.headers(), response.body());
        } catch (TimeoutException e) {
            pending.cancel(true);
            throw new AssertionError(what + ": no response within " + Deadline.text(timeout), e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof HttpTimeoutException) {
                throw new AssertionError(what + ": no response within " + Deadline.text(timeout), e.getCause());
            }
            throw new UncheckedIOException(what + " failed: " + e.getCause().getMessage(),
                    e.getCause() instanceof IOException io ? io : new IOException(e.getCause()));
        } catch (InterruptedException e) {
            pending.cancel(true);
            Thread.currentThread().interrupt();
            throw new AssertionError(what + " was interrupted", e);
        }
    }

    /**
     * Sends bytes exactly as given over a new socket and returns everything the server answers
     * until it closes the connection or {@link #timeout()} passes: for requests a well-behaved
     * client cannot make (malformed lines, huge headers).
     */
    public String raw(String request) {
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), (int) timeout.toMillis());
            socket.setSoTimeout((int) timeout.toMillis());
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            socket.shutdownOutput();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException("raw request failed: " + e.getMessage(), e);
        }
    }

    /** Opens an SSE stream with GET; see {@link #sseRequest(String, String, String, String...)}. */
    public SseTestClient sse(String path, String... headers) {
        return sseRequest("GET", path, null, headers);
    }

    /**
     * Opens an SSE stream with any method and an optional body, waiting for the response headers.
     * A refused stream (401, 404, ...) is returned too: check {@link SseTestClient#status()}.
     */
    public SseTestClient sseRequest(String method, String path, String body, String... headers) {
        var builder = HttpRequest.newBuilder(uri(path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Accept", "text/event-stream");
        if (headers.length % 2 != 0) throw new IllegalArgumentException("headers come in name/value pairs");
        for (int i = 0; i < headers.length; i += 2) builder.header(headers[i], headers[i + 1]);
        var what = "SSE " + method + " " + path;
        try {
            var response = http.sendAsync(builder.build(), HttpResponse.BodyHandlers.ofInputStream())
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return new SseTestClient(response.statusCode(), response.headers(), response.body(), what, this::timeout);
        } catch (TimeoutException e) {
            throw new AssertionError(what + ": no response headers within " + Deadline.text(timeout));
        } catch (ExecutionException | IOException e) {
            throw new AssertionError(what + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(what + " was interrupted", e);
        }
    }

    /**
     * Opens a WebSocket to a path, with request headers as name/value pairs ({@code "Origin"}
     * and {@code "Sec-WebSocket-Protocol"} included), and waits for the handshake.
     *
     * @throws AssertionError when the server refuses the upgrade, naming its status
     */
    public WsTestClient ws(String path, String... headers) {
        var client = new WsTestClient(this::timeout, path);
        try {
            wsBuilder(headers).buildAsync(wsUri(path), client.listener()).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return client;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException h) {
                throw new AssertionError("WebSocket " + path + " was refused with " + h.getResponse().statusCode()
                        + ": " + h.getResponse().body());
            }
            throw new AssertionError("WebSocket " + path + " failed to open: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new AssertionError("WebSocket " + path + " did not open within " + Deadline.text(timeout));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("opening WebSocket " + path + " was interrupted", e);
        }
    }

    /**
     * Tries a WebSocket upgrade that the server should refuse, and returns its answer.
     *
     * @throws AssertionError when the server accepts the upgrade
     */
    public WsHandshake wsRejected(String path, String... headers) {
        try {
            var ws = wsBuilder(headers).buildAsync(wsUri(path), new WebSocket.Listener() { })
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            ws.abort();
            throw new AssertionError("expected WebSocket " + path + " to be refused, but it opened");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException h) {
                var r = h.getResponse();
                return new WsHandshake(r.statusCode(), r.headers(), r.body() == null ? "" : String.valueOf(r.body()));
            }
            throw new AssertionError("WebSocket " + path + " failed without an HTTP answer: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new AssertionError("WebSocket " + path + " got no answer within " + Deadline.text(timeout));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("the upgrade to " + path + " was interrupted", e);
        }
    }

    private WebSocket.Builder wsBuilder(String... headers) {
        if (headers.length % 2 != 0) throw new IllegalArgumentException("headers come in name/value pairs");
        var builder = http.newWebSocketBuilder().connectTimeout(timeout);
        for (int i = 0; i < headers.length; i += 2) {
            if (headers[i].equalsIgnoreCase("Sec-WebSocket-Protocol")) {
                var offered = headers[i + 1].split("\\s*,\\s*");
                builder.subprotocols(offered[0], java.util.Arrays.copyOfRange(offered, 1, offered.length));
            } else {
                builder.header(headers[i], headers[i + 1]);
            }
        }
        return builder;
    }

    /** The ws:// URI of a path on the server. */
    public URI wsUri(String path) {
        var http = uri(path);
        return URI.create("ws" + http.toString().substring(4));
    }

    private static byte[] json(Object value) {
        try {
            return JSON.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + value + " as JSON", e);
        }
    }

    private static String[] withHeader(String[] headers, String name, String value) {
        for (int i = 0; i < headers.length; i += 2) {
            if (headers[i].equalsIgnoreCase(name)) return headers;
        }
        var all = java.util.Arrays.copyOf(headers, headers.length + 2);
        all[headers.length] = name;
        all[headers.length + 1] = value;
        return all;
    }

    /** Drops the client's connections at once, streams still open included (a graceful close would wait for them). */
    @Override
    public void close() {
        http.shutdownNow();
    }
}
