package dev.strand.internal.websocket;

import dev.strand.ClosedException;
import dev.strand.HttpException;
import dev.strand.internal.http.Body;
import dev.strand.internal.http.Channel;
import dev.strand.internal.http.ErrorResponses;
import dev.strand.internal.http.Heartbeat;
import dev.strand.internal.http.StrandContext;
import dev.strand.internal.json.JsonDecodeException;
import dev.strand.internal.metrics.WsMeters;
import dev.strand.internal.routing.Invoker;
import dev.strand.websocket.WsClose;
import dev.strand.websocket.WsMessage;
import java.nio.charset.StandardCharsets;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;
import org.eclipse.jetty.websocket.core.CloseStatus;
import org.eclipse.jetty.websocket.core.CoreSession;
import org.eclipse.jetty.websocket.core.Frame;
import org.eclipse.jetty.websocket.core.FrameHandler;
import org.eclipse.jetty.websocket.core.OpCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One WebSocket connection: Jetty's core frame handler on one side, the handler's loop on the other.
 *
 * <p>Strand speaks to Jetty's core WebSocket API ({@link FrameHandler}), not to the Jetty API on
 * top of it: that layer keeps the upgrade request (and through it the HTTP connection's parser and
 * headers) for the life of the session, binds listener methods with method handles per
 * connection, and starts every text message with a buffer of the whole input buffer's size.
 *
 * <p>Inbound: Jetty's callbacks never block; they put the message into a one-message slot that
 * the loop's {@code receive()} takes. Strand goes on reading while the slot is full, so that a
 * close, a ping or a pong is seen even by a handler that no longer receives, but the first data
 * frame that finds the slot full is held, unacknowledged, and nothing more is read until the loop
 * takes the slot: a client sending faster than the loop receives is held back by TCP, with at
 * most one message and one frame read ahead. Pings are answered here, with a pong carrying the
 * ping's payload (RFC 6455 §5.5.3). The slot has one writer at a time (Jetty delivers frames one
 * after another, and a held frame is delivered by the loop only while Jetty has no read pending)
 * and one reader (the loop), so it needs no lock: the writer sets the slot and unparks the
 * reader, which parks only after announcing itself and finding the slot still empty. A lock and a
 * condition cost four frames more on every parked loop's stack, which an idle connection keeps.
 *
 * <p>Outbound: sends from any thread go straight to Jetty's frame queue, in call order, and
 * return once queued; the bytes queued but not yet written are counted, and a peer that lets
 * them pass the limit is closed with 1013.
 *
 * <p>Closing: the loop returning closes with 1000, an exception with 1011 (details in the log);
 * however the connection ends, the loop's {@code receive()} returns {@code null}, later sends
 * throw {@link ClosedException} and the Context's close actions run once.
 */
final class WsConnection implements FrameHandler, Channel {
    private static final Logger LOG = LoggerFactory.getLogger(WsConnection.class);
    private static final AtomicLong IDS = new AtomicLong();
    private static final byte[] EMPTY = new byte[0];
    private static final int MAX_REASON_BYTES = 123;
    private static final VarHandle INBOUND;
    private static final VarHandle HELD;
    private static final VarHandle CLOSE_STATUS;

    static {
        try {
            var lookup = MethodHandles.lookup();
            INBOUND = lookup.findVarHandle(WsConnection.class, "inbound", WsMessage.class);
            HELD = lookup.findVarHandle(WsConnection.class, "held", Held.class);
            CLOSE_STATUS = lookup.findVarHandle(WsConnection.class, "closeStatus", WsClose.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final StrandContext ctx;
    private final Runnable closeActions;
    private final Invoker handler;
    private final Object[] arguments;
    private final WsOptions options;
    private final Scheduler scheduler;
    private final Heartbeat heartbeat;
    private final WsMeters meters;
    private final MessageAssembler assembler;
    private final Runnable goingAway = () -> closeWith(WsClose.GOING_AWAY, "Server shutting down");

    private volatile WsMessage inbound;
    /** A data frame that came while the slot was full, with the callback that lets Jetty read on. */
    private volatile Held held;
    /** Once the loop has returned: data frames are dropped, and control frames still read. */
    private volatile boolean draining;
    private volatile WsClose closeStatus;
    /** The loop while it is parked in {@link #receiveMessage()} or about to be. */
    private volatile Thread reader;

    private final ReentrantLock sendLock = new ReentrantLock();
    private final AtomicLong queuedBytes = new AtomicLong();
    private volatile CoreSession session;
    private volatile boolean awaitingPong;
    private volatile long pingSentAt;
    /** When Strand last went back to reading (System.nanoTime()): a full slot stops it reading. */
    private volatile long readingSince;

    /** The connection for {@code ctx}, whose handler it runs; the session comes when it opens. */
    WsConnection(StrandContext ctx, Invoker handler, Object[] arguments, WsOptions options, Scheduler scheduler,
                 WsMeters meters) {
        this.ctx = ctx;
        this.closeActions = ctx.closeActions();
        this.handler = handler;
        this.arguments = arguments;
        this.options = options;
        this.scheduler = scheduler;
        this.heartbeat = new Heartbeat(scheduler, options.pingInterval(), this::beat);
        this.meters = meters;
        this.assembler = new MessageAssembler(options.maxMessageSize());
    }

    // ---- Jetty's side: never blocks --------------------------------------------------------

    @Override
    public void onOpen(CoreSession session, Callback callback) {
        this.session = session;
        session.setMaxTextMessageSize(options.maxMessageSize());
        session.setMaxBinaryMessageSize(options.maxMessageSize());
        session.setIdleTimeout(options.idleTimeout());
        readingSince = System.nanoTime();
        meters.opened();
        callback.succeeded();
        if (!ctx.services().streams().add(goingAway)) goingAway.run();
        Thread.ofVirtual().name("strand-ws-" + IDS.incrementAndGet()).start(this::loop);
        heartbeat.next();
    }

    /**
     * One frame, asked for by a {@code demand()}. Each asks for the next, but for a data frame that
     * finds the slot full: it is held, and nothing more read, until the loop takes the slot.
     */
    @Override
    public void onFrame(Frame frame, Callback callback) {
        switch (frame.getOpCode()) {
            case OpCode.TEXT, OpCode.BINARY, OpCode.CONTINUATION -> {
                if (draining) {
                    discard(callback);
                } else if (inbound == null) {
                    deliver(frame, callback);
                } else {
                    var h = new Held(frame, callback);
                    held = h;
                    // looked at again after holding: the loop may have taken the slot, or ended, and missed h
                    if ((inbound == null || draining) && HELD.compareAndSet(this, h, (Held) null)) {
                        if (draining) discard(callback);
                        else deliver(frame, callback);
                    }
                }
            }
            case OpCode.PING -> {
                awaitingPong = false;
                var payload = frame.getPayload();
                var pong = new Frame(OpCode.PONG).setPayload(payload == null ? BufferUtil.EMPTY_BUFFER : BufferUtil.copy(payload));
                callback.succeeded();
                session.sendFrame(pong, Callback.NOOP, false);
                session.demand();
            }
            case OpCode.PONG -> {
                awaitingPong = false;
                callback.succeeded();
                session.demand();
            }
            case OpCode.CLOSE -> {
                var status = CloseStatus.getCloseStatus(frame);
                callback.succeeded();
                ended(new WsClose(status.getCode(), status.getReason() == null ? "" : status.getReason()));
            }
            default -> callback.succeeded();
        }
    }

    @Override
    public void onError(Throwable cause, Callback callback) {
        LOG.debug("{} failed: {}", ctx, cause.toString());
        assembler.reset();
        callback.succeeded();
    }

    @Override
    public void onClosed(CloseStatus status, Callback callback) {
        ended(new WsClose(status.getCode(), status.getReason() == null ? "" : status.getReason()));
        callback.succeeded();
    }

    /** A data frame whose payload stays Jetty's until its callback completes. */
    private record Held(Frame frame, Callback callback) {}

    /**
     * Adds a data frame to the message being assembled, fills the slot with the message it
     * completes, and asks for the next frame; Jetty closes with 1007 or 1009 when it is refused.
     * Runs on Jetty's thread, or on the loop's for a held frame: never both, as Jetty has no read
     * pending while a frame is held.
     */
    private void deliver(Frame frame, Callback callback) {
        WsMessage message;
        try {
            message = assembler.accept(frame);
        } catch (RuntimeException e) {
            callback.failed(e);
            return;
        }
        callback.succeeded();
        if (message != null) {
            if (message instanceof WsMessage.Text text) meters.textIn(text.text());
            else meters.binaryIn(message.bytes().length);
            offer(message);
        }
        if (!closed()) session.demand();
    }

    /** Drops a data frame no one will receive, and reads on. */
    private void discard(Callback callback) {
        callback.succeeded();
        if (!closed()) session.demand();
    }

    private void offer(WsMessage message) {
        awaitingPong = false;    // any frame from the peer shows it is there
        inbound = message;
        wakeReader();
    }

    private void ended(WsClose status) {
        if (!CLOSE_STATUS.compareAndSet(this, (WsClose) null, status)) return;
        var h = (Held) HELD.getAndSet(this, (Held) null);
        if (h != null) h.callback().succeeded();    // gives Jetty its buffer back
        wakeReader();
        meters.closed(status.code());
        heartbeat.stop();
        ctx.services().streams().remove(goingAway);
        closeActions.run();
    }

    private void wakeReader() {
        var waiting = reader;
        if (waiting != null) LockSupport.unpark(waiting);
    }

    // ---- the handler's loop ------------------------------------------------------------------

    private void loop() {
        try {
            // The first read starts here, not in onOpen: on the loop's thread, which
            // StrandThreadPool lets run the read itself.
            session.demand();
            handler.invoke(ctx, arguments);
            closeWith(WsClose.NORMAL, "");
        } catch (ClosedException e) {
            LOG.debug("{} ended: {}", ctx, e.getMessage());
        } catch (JsonDecodeException e) {
            LOG.debug("{}: a message is not the JSON the handler takes: {}", ctx, e.getMessage());
            closeWith(WsClose.INVALID_PAYLOAD, e.getMessage());
        } catch (HttpException e) {
            LOG.debug("{} refused: {} {}", ctx, e.status(), e.getMessage());
            closeWith(e.status() < 500 ? WsClose.POLICY_VIOLATION : WsClose.SERVER_ERROR, e.getMessage());
        } catch (Throwable t) {
            var id = ErrorResponses.logWithId(ctx + " WebSocket handler", t);
            closeWith(WsClose.SERVER_ERROR, "Server error (id " + id + ")");
        } finally {
            drain();
        }
    }

    /** No one receives any more: a held frame is let go, so that the peer's close is read. */
    private void drain() {
        draining = true;
        var h = (Held) HELD.getAndSet(this, (Held) null);
        if (h != null) discard(h.callback());
    }

    @Override
    public WsMessage receiveMessage() {
        var message = (WsMessage) INBOUND.getAndSet(this, (WsMessage) null);
        while (message == null && closeStatus == null) {
            if (Thread.currentThread().isInterrupted()) return null;
            reader = Thread.currentThread();
            // announced before looking again: a message set from here on also sees the reader to wake
            if (inbound == null && closeStatus == null) LockSupport.park(this);
            reader = null;
            message = (WsMessage) INBOUND.getAndSet(this, (WsMessage) null);
        }
        if (message != null) {
            readingSince = System.nanoTime();
            var h = (Held) HELD.getAndSet(this, (Held) null);
            if (h != null) deliver(h.frame(), h.callback());
        }
        return message;
    }

    @Override
    public byte[] receive() {
        var message = receiveMessage();
        return message == null ? EMPTY : message.bytes();
    }

    // ---- sending: any thread -----------------------------------------------------------------

    @Override
    public void send(Body pending) {
        if (pending.binary()) sendBinary(pending.bytes());
        else sendText(new String(pending.bytes(), StandardCharsets.UTF_8));
    }

    @Override
    public void sendBody(Body pending) {
        send(pending);
    }

    @Override
    public void sendText(String text) {
        var size = reserve(text.length());
        meters.textOut(text);
        sendLock.lock();
        try {
            session.sendFrame(new Frame(OpCode.TEXT).setPayload(text), new Sent(size), false);
        } finally {
            sendLock.unlock();
        }
    }

    @Override
    public void sendBinary(byte[] bytes) {
        var size = reserve(bytes.length);
        meters.binaryOut(bytes.length);
        sendLock.lock();
        try {
            session.sendFrame(new Frame(OpCode.BINARY).setPayload(bytes), new Sent(size), false);
        } finally {
            sendLock.unlock();
        }
    }

    @Override
    public void ping(byte[] payload) {
        if (closed()) throw new ClosedException("the WebSocket is closed");
        session.sendFrame(new Frame(OpCode.PING).setPayload(payload), Callback.NOOP, false);
    }

    /** Counts a message into the outbound buffer, or closes a peer that lets it overflow. */
    private long reserve(long size) {
        if (closed()) throw new ClosedException("the WebSocket is closed (" + closeStatus.code() + ")");
        long queued = queuedBytes.addAndGet(size);
        if (queued > options.outboundBufferSize()) {
            queuedBytes.addAndGet(-size);
            LOG.info("{}: peer reads too slowly ({} bytes waiting); closing with 1013", ctx, queued - size);
            meters.slowConsumer();
            var reason = "Slow consumer: more than " + options.outboundBufferSize() + " bytes unread";
            closeWith(WsClose.TRY_AGAIN_LATER, reason);
            ended(new WsClose(WsClose.TRY_AGAIN_LATER, reason));
            scheduler.schedule(session::abort, 2, TimeUnit.SECONDS);
            throw new ClosedException("the peer reads too slowly; the connection was closed with 1013");
        }
        return size;
    }

    /** Releases a message's bytes from the outbound buffer once Jetty wrote it (or gave up). */
    private final class Sent implements Callback {
        private final long size;

        Sent(long size) {
            this.size = size;
        }

        @Override
        public void succeeded() {
            queuedBytes.addAndGet(-size);
        }

        /** Only counts, so Jetty may complete it on whichever thread finished the write. */
        @Override
        public InvocationType getInvocationType() {
            return InvocationType.NON_BLOCKING;
        }

        @Override
        public void failed(Throwable x) {
            queuedBytes.addAndGet(-size);
            LOG.debug("{}: send failed: {}", ctx, x.toString());
        }
    }

    // ---- heartbeat ---------------------------------------------------------------------------

    /**
     * Pings the peer, or drops it when the previous ping went unanswered for a whole interval in
     * which Strand was reading. While the one-message slot is full Strand reads nothing, so a pong
     * may wait unread behind the next message: the peer is not judged until Strand has read again
     * for a whole interval.
     */
    private void beat() {
        if (closed()) return;
        if (awaitingPong) {
            long reading = System.nanoTime() - Math.max(pingSentAt, readingSince);
            if (!inboundWaiting() && reading >= options.pingInterval().toNanos()) {
                LOG.debug("{}: no pong within {}; dropping the connection", ctx, options.pingInterval());
                session.abort();
                return;
            }
        } else {
            awaitingPong = true;
            pingSentAt = System.nanoTime();
        }
        session.sendFrame(new Frame(OpCode.PING), Callback.NOOP, false);
        heartbeat.next();
    }

    private boolean inboundWaiting() {
        return inbound != null;
    }

    // ---- closing -----------------------------------------------------------------------------

    @Override
    public boolean closed() {
        return closeStatus != null;
    }

    @Override
    public WsClose closeStatus() {
        return closeStatus;
    }

    @Override
    public void close(Body pending) {
        closeWith(WsClose.NORMAL, "");
    }

    @Override
    public void close(Body pending, int code, String reason) {
        closeWith(code, reason);
    }

    /**
     * Starts the close handshake, unless the peer already closed: Jetty answers a peer's close by
     * itself, echoing its code, and a second close of ours would race that answer.
     */
    private void closeWith(int code, String reason) {
        var s = session;
        if (s != null && s.isOutputOpen() && !closed()) s.close(code, truncate(reason), Callback.NOOP);
    }

    /** Cuts a close reason to the protocol's 123 bytes without splitting a character. */
    static String truncate(String reason) {
        if (reason == null) return "";
        var bytes = reason.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= MAX_REASON_BYTES) return reason;
        int end = MAX_REASON_BYTES;
        while (end > 0 && (bytes[end] & 0xC0) == 0x80) end--;
        return new String(bytes, 0, end, StandardCharsets.UTF_8);
    }

    @Override
    public dev.strand.Context.Kind kind() {
        return dev.strand.Context.Kind.WEBSOCKET;
    }

    @Override
    public boolean canRespond() {
        return false;
    }

    /** The upgrade's callback belongs to Jetty, and the close actions run when the WebSocket ends. */
    @Override
    public void complete(Body pending, Throwable failure) {
    }

    @Override
    public String toString() {
        return ctx.toString();
    }
}
