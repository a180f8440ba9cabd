package dev.strand.internal.sse;

import dev.strand.ClosedException;
import dev.strand.internal.http.Channel;
import dev.strand.internal.http.StrandContext;
import dev.strand.sse.SseEvent;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;
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

    private final StrandContext ctx;
    private final Channel http;
    private final Duration heartbeat;
    private final Scheduler scheduler;
    private final EndPoint endPoint;
    private final long idleTimeout;
    private final Thread handlerThread;
    private final Runnable end = this::endByServer;
    /** One write at a time: the handler's blocking writes and the scheduler's heartbeats. */
    private final Semaphore writing = new Semaphore(1);

    private volatile boolean closed;
    private volatile boolean committed;
    private volatile Scheduler.Task beat;

    SseChannel(StrandContext ctx, Duration heartbeat) {
        this.ctx = ctx;
        this.http = ctx.channel();
        this.heartbeat = heartbeat;
        var request = ctx.request();
        this.scheduler = request.getComponents().getScheduler();
        this.endPoint = request.getConnectionMetaData().getConnection().getEndPoint();
        this.idleTimeout = endPoint.getIdleTimeout();
        this.handlerThread = Thread.currentThread();
    }

    /**
     * Sends the stream's headers at once, so the client (a browser's {@code onopen}) knows the
     * stream is up before the first event, then starts the heartbeat and registers the stream for
     * a graceful stop.
     */
    void open() {
        if (!ctx.services().streams().add(end)) {
            throw new ClosedException("the server is stopping");
        }
        long millis = heartbeat.toMillis();
        endPoint.setIdleTimeout(millis <= 0 ? 0 : Math.max(idleTimeout, 3 * millis));
        write(EMPTY);
        scheduleBeat();
    }

    // ---- writes ----------------------------------------------------------------------------

    @Override
    public void sendEvent(StrandContext ctx, SseEvent event) {
        write(EventFormat.format(event, ctx::jsonText).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void send(StrandContext ctx) {
        write(ctx.takeResponseBody());
    }

    @Override
    public void sendBody(StrandContext ctx) {
        write(ctx.takeResponseBody());
    }

    @Override
    public void sendText(StrandContext ctx, String text) {
        write(text.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void sendBinary(StrandContext ctx, byte[] bytes) {
        write(bytes);
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
            Content.Sink.write(ctx.response(), false, ByteBuffer.wrap(bytes));
            committed = true;
        } catch (IOException e) {
            vanished();
            throw new ClosedException("the SSE client is gone", e);
        } finally {
            writing.release();
        }
    }

    private static ClosedException gone() {
        return new ClosedException("the SSE stream is closed");
    }

    // ---- heartbeat: on Jetty's scheduler, never blocks ---------------------------------------

    private void scheduleBeat() {
        long millis = heartbeat.toMillis();
        if (millis > 0 && !closed) beat = scheduler.schedule(this::beat, millis, TimeUnit.MILLISECONDS);
    }

    private void beat() {
        if (closed) return;
        if (!writing.tryAcquire()) {
            scheduleBeat();
            return;
        }
        ctx.response().write(false, ByteBuffer.wrap(HEARTBEAT), Callback.from(() -> {
            committed = true;
            writing.release();
            scheduleBeat();
        }, failure -> {
            writing.release();
            LOG.debug("{}: heartbeat failed, the client is gone: {}", ctx, failure.toString());
            vanished();
        }));
    }

    /** The client is gone: later sends fail, and whatever the handler joined (a topic, say) lets go now. */
    private void vanished() {
        closed = true;
        ctx.runCloseActions();
    }

    // ---- the rest of the channel -------------------------------------------------------------

    @Override
    public byte[] receive(StrandContext ctx) {
        return http.receive(ctx);
    }

    @Override
    public InputStream requestBodyStream(StrandContext ctx) {
        return http.requestBodyStream(ctx);
    }

    @Override
    public boolean closed() {
        return closed;
    }

    @Override
    public void close(StrandContext ctx) {
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
    public void complete(StrandContext ctx) {
        var task = beat;
        if (task != null) task.cancel();
        ctx.services().streams().remove(end);
        endPoint.setIdleTimeout(idleTimeout);
        if (!committed) {
            http.complete(ctx);
            return;
        }
        var failure = ctx.failure();
        var callback = ctx.callback();
        try {
            if (failure != null && !(failure instanceof ClosedException) && !(failure instanceof InterruptedException)) {
                callback.failed(failure);
                return;
            }
            writing.acquireUninterruptibly();
            try {
                Content.Sink.write(ctx.response(), true, ByteBuffer.wrap(EMPTY));
                callback.succeeded();
            } catch (IOException e) {
                callback.failed(e);
            } finally {
                writing.release();
            }
        } finally {
            Thread.interrupted();
            ctx.runCloseActions();
        }
    }
}
