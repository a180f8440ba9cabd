package dev.strand.internal.http;

import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.websocket.core.WebSocketConnection;

/**
 * Jetty's thread pool, plus one shortcut for WebSocket reads. When a WebSocket loop asks for its
 * next frame ({@code demand()}) and Jetty has no read under way, Jetty hands the read to this pool:
 * a queue, a condition signal and another thread, only for the loop to wait for that thread's
 * result. This pool runs that read on the calling thread instead: it is a loop's virtual thread
 * about to wait anyway, and the read never blocks (with no bytes there it registers read interest
 * with the selector and returns). Everything else runs as in {@link QueuedThreadPool}.
 *
 * <p>Only a loop asks Jetty for a read that Jetty hands to the pool: Strand calls
 * {@code demand()} from the loop's thread alone (the first time as the loop starts), and a demand
 * made while Jetty reads, such as after a pong, continues that read without the pool. So the type
 * of the job is enough to know the caller; a thread-local mark would cost each parked loop a
 * thread-local map.
 */
public final class StrandThreadPool extends QueuedThreadPool {

    @Override
    public void execute(Runnable job) {
        if (job instanceof WebSocketConnection) {
            job.run();
        } else {
            super.execute(job);
        }
    }
}
