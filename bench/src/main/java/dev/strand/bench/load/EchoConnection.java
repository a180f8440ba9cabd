package dev.strand.bench.load;

import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

/**
 * One {@code ws-echo} connection: sends, and on each echo records the round trip and sends again
 * until the run's deadline. Public because Jetty binds listener methods through method handles.
 */
public final class EchoConnection extends Session.Listener.AbstractAutoDemanding {

    /** 32 bytes of text, a typical small chat message. */
    private static final String MESSAGE = "echo-0123456789abcdefghijklmnopq";

    private final EchoRun run;
    private final AtomicBoolean done = new AtomicBoolean();
    private volatile long sentAt;

    EchoConnection(EchoRun run) {
        this.run = run;
    }

    /** Sends the next message; the echo's arrival sends the one after. */
    void send() {
        sentAt = System.nanoTime();
        getSession().sendText(MESSAGE, Callback.from(() -> { }, this::fail));
    }

    @Override
    public void onWebSocketText(String message) {
        var now = System.nanoTime();
        var window = run.window;
        if (window.measures(sentAt)) {
            run.latencies.record(now - sentAt);
            run.completed.increment();
        }
        if (window.over(now)) {
            finish();
        } else {
            send();
        }
    }

    @Override
    public void onWebSocketError(Throwable cause) {
        fail(cause);
    }

    /** Counts a failure, unless this connection had finished: closing at the end is no error. */
    private void fail(Throwable cause) {
        if (finish() && run.errors.getAndIncrement() == 0) {
            System.err.println("ws-echo: " + cause);
        }
    }

    private boolean finish() {
        if (!done.compareAndSet(false, true)) {
            return false;
        }
        run.finished.countDown();
        return true;
    }
}
