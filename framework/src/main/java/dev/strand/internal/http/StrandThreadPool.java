package dev.strand.internal.http;

import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.websocket.core.WebSocketConnection;

/**
 * Jetty's thread pool, plus one shortcut for WebSocket reads. When a WebSocket loop asks for its
 * next frame ({@code demand()}) and Jetty has no read under way, Jetty hands the read to this pool:
 * a queue, a condition signal and another thread, only for the loop to wait for that thread's
 * result. A thread that {@linkplain #readInline() marked itself} runs that read itself instead: it
 * is a virtual thread about to wait anyway, and the read never blocks (with no bytes there it
 * registers read interest with the selector and returns). Everything else runs as in
 * {@link QueuedThreadPool}.
 */
public final class StrandThreadPool extends QueuedThreadPool {
    private static final ThreadLocal<Boolean> INLINE = new ThreadLocal<>();

    /** Marks the calling thread as one that runs the WebSocket reads it asks for itself. */
    public static void readInline() {
        INLINE.set(Boolean.TRUE);
    }

    @Override
    public void execute(Runnable job) {
        if (job instanceof WebSocketConnection && INLINE.get() != null) {
            job.run();
        } else {
            super.execute(job);
        }
    }
}
