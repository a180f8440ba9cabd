package dev.strand.internal.http;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The SSE streams and WebSockets a server has open, so that a graceful stop can end them (a
 * WebSocket with 1001) instead of waiting for them.
 */
public final class OpenStreams {
    private final Set<Runnable> enders = ConcurrentHashMap.newKeySet();
    private volatile boolean stopping;

    /** Registers how to end one stream; returns false when the server is already stopping. */
    public boolean add(Runnable end) {
        enders.add(end);
        if (stopping) {
            enders.remove(end);
            return false;
        }
        return true;
    }

    /** Forgets a stream that ended by itself. */
    public void remove(Runnable end) {
        enders.remove(end);
    }

    /** Ends every open stream and refuses new ones. */
    public void endAll() {
        stopping = true;
        enders.forEach(Runnable::run);
    }
}
