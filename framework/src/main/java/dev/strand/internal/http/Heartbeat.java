package dev.strand.internal.http;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * A beat on Jetty's scheduler that a WebSocket or SSE channel runs every interval: each beat asks
 * for the next with {@link #next()}, so beats never overlap, and a beat must not block. An interval
 * of zero or less means no beats.
 */
public final class Heartbeat {
    private final Scheduler scheduler;
    private final long millis;
    private final Runnable beat;
    private volatile boolean stopped;
    private volatile Scheduler.Task task;

    /** A heartbeat running {@code beat} every {@code interval} once {@link #next()} is first called. */
    public Heartbeat(Scheduler scheduler, Duration interval, Runnable beat) {
        this.scheduler = scheduler;
        this.millis = interval.toMillis();
        this.beat = beat;
    }

    /** Schedules the next beat one interval from now, unless there are no beats or {@link #stop()} was called. Any thread. */
    public void next() {
        if (millis > 0 && !stopped) task = scheduler.schedule(beat, millis, TimeUnit.MILLISECONDS);
    }

    /** Cancels the scheduled beat; later {@link #next()} calls do nothing. Any thread. */
    public void stop() {
        stopped = true;
        var scheduled = task;
        if (scheduled != null) scheduled.cancel();
    }
}
