package dev.strand.internal.http;

import dev.strand.ClosedException;
import dev.strand.HttpException;
import dev.strand.config.Limits;
import dev.strand.websocket.WsMessage;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.concurrent.locks.ReentrantLock;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;

/**
 * A plain HTTP exchange. {@code send()} completes the response with a Content-Length;
 * {@code sendBody()} streams it in chunks, headers first; whatever is pending when the handler
 * returns is sent then (204 when nothing at all was set). Writes and the state they move are
 * serialised by a lock, since a streamed response may be written from another thread (a
 * broadcast forwarder) while the handler finishes it.
 */
final class HttpChannel implements Channel {
    private final ReentrantLock lock = new ReentrantLock();

    private enum State { OPEN, STREAMING, DONE }

    private final Exchange exchange;
    private final Limits limits;
    private final CloseActions closeActions;
    private volatile State state = State.OPEN;
    private byte[] requestBody;
    private boolean streamed;

    HttpChannel(Exchange exchange, Limits limits, CloseActions closeActions) {
        this.exchange = exchange;
        this.limits = limits;
        this.closeActions = closeActions;
    }

    @Override
    public void send(Body pending) {
        lock.lock();
        try {
            sendLocked(pending);
        } finally {
            lock.unlock();
        }
    }

    private void sendLocked(Body pending) {
        var response = exchange.response();
        switch (state) {
            case DONE -> throw alreadySent();
            case OPEN -> {
                defaultContentType(pending.contentType());
                response.getHeaders().put(HttpHeader.CONTENT_LENGTH, pending.bytes().length);
                exchange.write(true, pending.bytes());
            }
            case STREAMING -> exchange.write(true, pending.bytes());
        }
        state = State.DONE;
    }

    @Override
    public void sendBody(Body pending) {
        stream(pending.bytes(), pending.contentType());
    }

    @Override
    public void sendText(String text) {
        stream(text.getBytes(java.nio.charset.StandardCharsets.UTF_8), Body.TEXT);
    }

    @Override
    public void sendBinary(byte[] bytes) {
        stream(bytes, Body.BYTES);
    }

    private void stream(byte[] bytes, String defaultType) {
        lock.lock();
        try {
            if (state == State.DONE) throw complete();
            if (state == State.OPEN) {
                defaultContentType(defaultType);
                state = State.STREAMING;
            }
            exchange.write(false, bytes);
        } finally {
            lock.unlock();
        }
    }

    /** Puts the default content type of the body's kind, unless the response set one. */
    private void defaultContentType(String type) {
        var headers = exchange.response().getHeaders();
        if (type != null && !headers.contains(HttpHeader.CONTENT_TYPE)) headers.put(HttpHeader.CONTENT_TYPE, type);
    }

    @Override
    public byte[] receive() {
        if (streamed) throw new IllegalStateException("the body was already read with requestBodyStream()");
        if (requestBody == null) requestBody = readWholeBody(exchange.request(), limits.maxBodySize());
        return requestBody;
    }

    @Override
    public WsMessage receiveMessage() {
        throw new UnsupportedOperationException("receive() reads WebSocket messages; on " + exchange.request().getMethod()
                + " routes read the body with requestBody()");
    }

    @Override
    public InputStream requestBodyStream() {
        if (requestBody != null) return new java.io.ByteArrayInputStream(requestBody);
        if (streamed) throw new IllegalStateException("requestBodyStream() was already called");
        streamed = true;
        var request = exchange.request();
        long max = limits.maxStreamSize();
        if (request.getLength() > max) throw streamTooLarge(max);
        return new LimitedInputStream(Content.Source.asInputStream(request), max);
    }

    private static HttpException streamTooLarge(long max) {
        return new HttpException(413, "Request body is larger than the streaming limit of " + max + " bytes");
    }

    /** Fails with 413 as soon as more than {@code max} bytes were read. */
    private static final class LimitedInputStream extends java.io.FilterInputStream {
        private final long max;
        private long count;

        LimitedInputStream(InputStream in, long max) {
            super(in);
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) counted(1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) counted(n);
            return n;
        }

        private void counted(int n) {
            count += n;
            if (count > max) throw streamTooLarge(max);
        }
    }

    @Override
    public boolean closed() {
        return state == State.DONE;
    }

    @Override
    public void close(Body pending) {
        lock.lock();
        try {
            if (state != State.DONE) finish(pending);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean canRespond() {
        return state == State.OPEN;
    }

    @Override
    public void complete(Body pending, Throwable failure) {
        var callback = exchange.callback();
        try {
            if (failure != null) {
                state = State.DONE;
                callback.failed(failure);
                return;
            }
            lock.lock();
            try {
                if (state != State.DONE) finish(pending);
                callback.succeeded();
            } catch (ClosedException | IllegalStateException e) {
                callback.failed(e);
            } finally {
                lock.unlock();
            }
        } finally {
            closeActions.run();
        }
    }

    private void finish(Body pending) {
        if (state == State.STREAMING) {
            exchange.write(true, pending.bytes());
            state = State.DONE;
        } else {
            sendLocked(pending);
        }
    }

    @Override
    public String toString() {
        return exchange.toString();
    }

    /**
     * Reads a whole request body, blocking this (virtual) thread. A declared length over the limit
     * fails at once; an undeclared one fails as soon as the limit is passed.
     */
    static byte[] readWholeBody(Request request, long max) {
        long declared = request.getLength();
        if (declared > max) throw tooLarge(max);
        try (InputStream in = Content.Source.asInputStream(request)) {
            // A declared length sizes the read: reading up to the limit would take 16 KB chunks
            // for every body, however small.
            if (declared >= 0) {
                var bytes = in.readNBytes((int) declared);
                int next = in.read();
                if (next < 0) return bytes;
                // longer than declared: a Content-Encoding decoded on the way; read on to the limit
                var rest = in.readNBytes((int) Math.min(max - declared, Integer.MAX_VALUE - 8));
                if (declared + 1 + rest.length > max) throw tooLarge(max);
                var whole = Arrays.copyOf(bytes, bytes.length + 1 + rest.length);
                whole[bytes.length] = (byte) next;
                System.arraycopy(rest, 0, whole, bytes.length + 1, rest.length);
                return whole;
            }
            var bytes = in.readNBytes((int) Math.min(max, Integer.MAX_VALUE - 8) + 1);
            if (bytes.length > max) throw tooLarge(max);
            return bytes;
        } catch (IOException e) {
            throw malformedOrGone(e);
        }
    }

    /**
     * A body that Jetty's parser refused (bad chunk framing, fewer bytes than Content-Length before
     * the end) or that does not decode as its {@code Content-Encoding} says is the client's mistake
     * and answers 400; any other failure means the client left.
     */
    static RuntimeException malformedOrGone(IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.util.zip.ZipException || t instanceof java.util.zip.DataFormatException) {
                return new HttpException(400, "Request body does not decode as its Content-Encoding says: " + t.getMessage());
            }
            if (t instanceof org.eclipse.jetty.http.HttpException jetty && jetty.getCode() >= 400 && jetty.getCode() < 500) {
                var reason = jetty.getReason() == null || jetty.getReason().isBlank() ? "" : ": " + jetty.getReason();
                return new HttpException(jetty.getCode(), "Malformed request body" + reason);
            }
        }
        return new ClosedException("client closed the connection while sending the body", e);
    }

    private static HttpException tooLarge(long max) {
        return new HttpException(413, "Request body is larger than the limit of " + max + " bytes");
    }

    private static IllegalStateException alreadySent() {
        return new IllegalStateException("the response was already sent; a later send() has nowhere to go");
    }

    /** A part sent after the end, e.g. by a broadcast forwarder: like a send to a peer that left. */
    private static ClosedException complete() {
        return new ClosedException("the response is complete");
    }
}
