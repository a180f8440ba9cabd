package dev.strand.internal.sse;

import dev.strand.ClosedException;
import dev.strand.internal.http.Channel;
import dev.strand.internal.http.Body;
import dev.strand.internal.http.Exchange;
import dev.strand.internal.http.Heartbeat;
import dev.strand.internal.http.Services;
import dev.strand.internal.metrics.SseMeters;
import dev.strand.sse.SseEvent;
import dev.strand.websocket.WsMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An open Server-Sent Events stream. Every send is written and flushed at once, blocking the
 * handler's thread. A heartbeat comment goes out on Jetty's scheduler whenever the interval
 * passes, without blocking it: it is skipped while the handler is writing. A write that fails
 * (the client vanished) marks the stream closed, so {@code ctx.closed()} turns true and the next
 * send throws {@link ClosedException}. While the stream is open the connection's idle timeout is
 * lifted to cover the heartbeat interval, so no timeout ends a healthy stream.
 */
final class SseChannel implements Channel {
    private static final Logger LOG = LoggerFactory.getLogger(SseChannel.class);
    private static final byte[] HEARTBEAT = ": ping\n\n".getBytes(StandardCharsets.UTF_8);
    private static final byte[] EMPTY = new byte[0];

    private final Exchange exchange;
    private final Channel http;
    private final Services services;
    private final Runnable closeActions;
    private final Duration heartbeat;
    private final Heartbeat beats;
    private final EndPoint endPoint;
    private final long idleTimeout;
    private final Thread handlerThread;
    private final Runnable end = this::endByServer;
    /** One write at a time: the handler's blocking writes and the scheduler's heartbeats. */
    private final Semaphore writing = new Semaphore(1);
    private final SseMeters meters;

    private volatile boolean closed;
    private volatile boolean committed;
    /** Whether {@link #open()} got the stream going, so that its end is recorded once it was. */
    private boolean opened;

    /**
     * A stream over {@code exchange}, which {@code http} served so far (it still reads the request
     * body); {@code closeActions} run when the client is found gone or the stream completes.
     */
    SseChannel(Exchange exchange, Channel http, Services services, Runnable closeActions, Duration heartbeat,
               SseMeters meters) {
        this.exchange = exchange;
        this.http = http;
        this.services = services;
        this.closeActions = closeActions;
        this.heartbeat = heartbeat;
        var request = exchange.request();
        this.beats = new Heartbeat(request.getComponents().getScheduler(), heartbeat, this::beat);
        this.endPoint = request.getConnectionMetaData().getConnection().getEndPoint();
        this.idleTimeout = endPoint.getIdleTimeout();
        this.handlerThread = Thread.currentThread();
        this.meters = meters;
    }

    /**
     * Sends the stream's headers at once, so the client (a browser's {@code onopen}) knows the
     * stream is up before the first event, then starts the heartbeat and registers the stream for
     * a graceful stop.
     */
    void open() {
        if (!services.streams().add(end)) {
            throw new ClosedException("the server is stopping");
        }
        long millis = heartbeat.toMillis();
        endPoint.setIdleTimeout(millis <= 0 ? 0 : Math.max(idleTimeout, 3 * millis));
        write(EMPTY);
        opened = true;
        meters.opened();
        beats.next();
    }

    // ---- writes ----------------------------------------------------------------------------

    @Override
    public void sendEvent(SseEvent event) {
        var json = services.json();
        writeEvent(EventFormat.format(event, value -> new String(json.write(value), StandardCharsets.UTF_8))
                .getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void send(Body pending) {
        writeEvent(pending.bytes());
    }

    @Override
    public void sendBody(Body pending) {
        writeEvent(pending.bytes());
    }

    @Override
    public void sendText(String text) {
        writeEvent(text.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void sendBinary(byte[] bytes) {
        writeEvent(bytes);
    }

    /** Writes what the handler sends, and counts it: the stream's opening and heartbeats are no events. */
    private void writeEvent(byte[] bytes) {
        write(bytes);
        meters.event();
    }

    private void write(byte[] bytes) {
        if (closed) throw gone();
        try {
            writing.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw gone();
        }
        try {
            if (closed) throw gone();
            exchange.write(false, bytes);
            committed = true;
        } catch (ClosedException e) {
            if (!closed) meters.vanished(false);
            vanished();
            throw e;
        } finally {
            writing.release();
        }
    }

    private static ClosedException gone() {
        return new ClosedException("the SSE stream is closed");
    }

    // ---- heartbeat: on Jetty's scheduler, never blocks ---------------------------------------

    private void beat() {
        if (closed) return;
        if (!writing.tryAcquire()) {
            beats.next();
            return;
        }
        exchange.response().write(false, ByteBuffer.wrap(HEARTBEAT), Callback.from(() -> {
            committed = true;
            writing.release();
            beats.next();
        }, failure -> {
            writing.release();
            LOG.debug("{}: heartbeat failed, the client is gone: {}", exchange, failure.toString());
            meters.vanished(true);
            vanished();
        }));
    }

    /** The client is gone: later sends fail, and whatever the handler joined (a topic, say) lets go now. */
    private void vanished() {
        closed = true;
        closeActions.run();
    }

    // ---- the rest of the channel -------------------------------------------------------------

    @Override
    public byte[] receive() {
        return http.receive();
    }

    @Override
    public InputStream requestBodyStream() {
        return http.requestBodyStream();
    }

    @Override
    public WsMessage receiveMessage() {
        return http.receiveMessage();
    }

    @Override
    public boolean closed() {
        return closed;
    }

    @Override
    public void close(Body pending) {
        closed = true;
    }

    /** A graceful stop: the stream is over, and a handler waiting in a sleep is woken to notice. */
    private void endByServer() {
        closed = true;
        handlerThread.interrupt();
    }

    @Override
    public dev.strand.Context.Kind kind() {
        return dev.strand.Context.Kind.SSE;
    }

    @Override
    public boolean canRespond() {
        return !committed;
    }

    @Override
    public void complete(Body pending, Throwable failure) {
        beats.stop();
        if (opened) meters.closed();
        services.streams().remove(end);
        endPoint.setIdleTimeout(idleTimeout);
        if (!committed) {
            http.complete(pending, failure);
            return;
        }
        var callback = exchange.callback();
        try {
            if (failure != null && !(failure instanceof ClosedException) && !(failure instanceof InterruptedException)) {
                callback.failed(failure);
                return;
            }
            writing.acquireUninterruptibly();
            try {
                Content.Sink.write(exchange.response(), true, ByteBuffer.wrap(EMPTY));
                callback.succeeded();
            } catch (IOException e) {
                callback.failed(e);
            } finally {
                writing.release();
            }
        } finally {
            Thread.interrupted();
            closeActions.run();
        }
    }

    @Override
    public String toString() {
        return exchange.toString();
    }
}
