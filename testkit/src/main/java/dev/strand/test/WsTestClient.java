package dev.strand.test;

import dev.strand.websocket.WsClose;
import dev.strand.websocket.WsMessage;
import java.io.ByteArrayOutputStream;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * A WebSocket client shaped like a handler's loop: {@code send}, {@code receive} the next whole
 * message, {@code close}, and the close code the server sent. Built on the JDK's
 * {@link WebSocket}. Every wait is bounded by the {@link TestClient}'s timeout and fails with a
 * message saying what was expected and what arrived.
 *
 * {@snippet :
 * try (var ws = client.ws("/ws/echo")) {
 *     ws.send("hi");
 *     assertEquals("Echo: hi", ws.receiveText());
 * }
 * }
 */
public final class WsTestClient implements AutoCloseable {
    private final LinkedBlockingQueue<WsMessage> messages = new LinkedBlockingQueue<>();
    private final LinkedBlockingQueue<ByteBuffer> pongs = new LinkedBlockingQueue<>();
    private final CompletableFuture<WsClose> closed = new CompletableFuture<>();
    private final Supplier<Duration> timeout;
    private final String target;
    private volatile WebSocket socket;
    private volatile boolean paused;

    /** A client whose waits last what {@code timeout} says at the moment each wait starts. */
    WsTestClient(Supplier<Duration> timeout, String target) {
        this.timeout = timeout;
        this.target = target;
    }

    WebSocket.Listener listener() {
        return new WebSocket.Listener() {
            private final StringBuilder text = new StringBuilder();
            private final ByteArrayOutputStream binary = new ByteArrayOutputStream();

            @Override
            public void onOpen(WebSocket webSocket) {
                socket = webSocket;
                webSocket.request(1);
            }

            @Override
            public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                text.append(data);
                if (last) {
                    messages.add(new WsMessage.Text(text.toString()));
                    text.setLength(0);
                }
                next(webSocket);
                return null;
            }

            @Override
            public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
                var bytes = new byte[data.remaining()];
                data.get(bytes);
                binary.writeBytes(bytes);
                if (last) {
                    messages.add(new WsMessage.Binary(binary.toByteArray()));
                    binary.reset();
                }
                next(webSocket);
                return null;
            }

            @Override
            public CompletionStage<?> onPing(WebSocket webSocket, ByteBuffer message) {
                next(webSocket);
                return null;
            }

            @Override
            public CompletionStage<?> onPong(WebSocket webSocket, ByteBuffer message) {
                pongs.add(ByteBuffer.allocate(message.remaining()).put(message).flip());
                next(webSocket);
                return null;
            }

            @Override
            public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
                closed.complete(new WsClose(statusCode, reason));
                return null;
            }

            @Override
            public void onError(WebSocket webSocket, Throwable error) {
                closed.complete(new WsClose(WsClose.ABNORMAL, String.valueOf(error)));
            }
        };
    }

    private void next(WebSocket webSocket) {
        if (!paused) webSocket.request(1);
    }

    /** The JDK WebSocket, for what the helpers do not cover. */
    public WebSocket socket() {
        return socket;
    }

    /** Sends a text message and waits until it is written. */
    public WsTestClient send(String text) {
        await(socket.sendText(text, true), "sending text");
        return this;
    }

    /** Sends a binary message and waits until it is written. */
    public WsTestClient send(byte[] bytes) {
        await(socket.sendBinary(ByteBuffer.wrap(bytes), true), "sending bytes");
        return this;
    }

    /** Sends one text message as several frames. */
    public WsTestClient sendFragmented(String... parts) {
        for (int i = 0; i < parts.length; i++) await(socket.sendText(parts[i], i == parts.length - 1), "sending a fragment");
        return this;
    }

    /** The next message; fails after the client's timeout saying whether the connection closed meanwhile. */
    public WsMessage receive() {
        return receive(timeout.get());
    }

    /** The next message, waiting at most {@code limit}. */
    public WsMessage receive(Duration limit) {
        try {
            var message = messages.poll(limit.toMillis(), TimeUnit.MILLISECONDS);
            if (message != null) return message;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        var close = closed.getNow(null);
        throw new AssertionError("expected a message from " + target + " within " + Deadline.text(limit) + ", but "
                + (close == null ? "none arrived" : "the connection closed with " + close.code() + " " + close.reason()));
    }

    /** Asserts that no message arrives within {@code quiet}, e.g. to show a room's message did not leak. */
    public WsTestClient expectNothing(Duration quiet) {
        try {
            var message = messages.poll(quiet.toMillis(), TimeUnit.MILLISECONDS);
            if (message != null) throw new AssertionError("expected no message from " + target + " for " + Deadline.text(quiet) + ", got " + message);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return this;
    }

    /** The next message, which must be text. */
    public String receiveText() {
        return switch (receive()) {
            case WsMessage.Text t -> t.text();
            case WsMessage.Binary b -> throw new AssertionError("expected a text message, got " + b.bytes().length + " binary bytes");
        };
    }

    /** The next message, which must be binary. */
    public byte[] receiveBinary() {
        return switch (receive()) {
            case WsMessage.Binary b -> b.bytes();
            case WsMessage.Text t -> throw new AssertionError("expected a binary message, got text: " + t.text());
        };
    }

    /** Sends a ping and waits for the server's pong with the same payload, both within one timeout. */
    public WsTestClient ping(byte[] payload) {
        var deadline = Deadline.in(timeout.get());
        await(socket.sendPing(ByteBuffer.wrap(payload)), "sending a ping", deadline);
        try {
            var pong = pongs.poll(deadline.remainingNanos(), TimeUnit.NANOSECONDS);
            if (pong == null) throw new AssertionError("no pong from " + target + " within " + deadline);
            if (!pong.equals(ByteBuffer.wrap(payload))) throw new AssertionError("the pong from " + target + " carried another payload");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("waiting for a pong was interrupted", e);
        }
        return this;
    }

    /** Stops reading from the socket, as a slow or stuck client would; the server's sends then pile up. */
    public WsTestClient pauseReading() {
        paused = true;
        return this;
    }

    /** Reads again after {@link #pauseReading()}. */
    public WsTestClient resumeReading() {
        paused = false;
        socket.request(1);
        return this;
    }

    /** Sends a close frame. */
    public WsTestClient close(int code, String reason) {
        await(socket.sendClose(code, reason), "sending close");
        return this;
    }

    /** Waits for the server's close and returns its code and reason (1006 if the connection dropped). */
    public WsClose awaitClose() {
        var deadline = Deadline.in(timeout.get());
        try {
            return closed.get(deadline.remainingNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("expected " + target + " to close within " + deadline + ", but it stayed open");
        } catch (ExecutionException | InterruptedException e) {
            throw new AssertionError("waiting for the close of " + target + " failed", e);
        }
    }

    /** Whether the server closed the connection (or it dropped). */
    public boolean isClosed() {
        return closed.isDone();
    }

    /** Closes with 1000 (if still open) and drops the connection. */
    @Override
    public void close() {
        var ws = socket;
        if (ws == null) return;
        if (!ws.isOutputClosed()) ws.sendClose(WsClose.NORMAL, "");
        ws.abort();
    }

    private void await(CompletableFuture<?> future, String what) {
        await(future, what, Deadline.in(timeout.get()));
    }

    private void await(CompletableFuture<?> future, String what, Deadline deadline) {
        try {
            future.get(deadline.remainingNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError(what + " to " + target + " did not finish within " + deadline);
        } catch (ExecutionException e) {
            throw new AssertionError(what + " to " + target + " failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(what + " was interrupted", e);
        }
    }
}
