package com.example.live;

import dev.strand.Context;
import dev.strand.HttpException;
import dev.strand.annotation.Body;
import dev.strand.annotation.Post;
import dev.strand.annotation.Sse;
import dev.strand.sse.SseEvent;
import java.time.Duration;

/** Sensors POST readings; dashboards follow them live over Server-Sent Events. */
public final class ReadingsController {
    private final ReadingLog log;
    // Event ids carry this run's name: an id from before a restart numbers readings that are gone,
    // so a client resuming with one starts over instead of waiting for numbers that mean nothing.
    private final String run = Long.toString(System.currentTimeMillis(), 36);

    public ReadingsController(ReadingLog log) {
        this.log = log;
    }

    @Post("/readings")
    public ReadingLog.Entry add(Context ctx, @Body Reading reading) {
        if (reading.sensor() == null || reading.sensor().isBlank()) {
            throw new HttpException(422, "sensor is required");
        }
        ctx.setResponseStatus(201);
        return log.append(reading);
    }

    // #region stream
    @Sse("/readings/stream")
    public void stream(Context ctx) throws InterruptedException {
        long sent = resumeAfter(ctx.lastEventId());   // no id on a first visit: everything kept
        // Ask the browser to come back 2 s after a drop (its default is about 3 s). A comment
        // carries the retry field, since there may be no reading to send yet.
        ctx.sendEvent(SseEvent.comment("readings").retry(Duration.ofSeconds(2)));
        while (!ctx.closed()) {
            for (var entry : log.after(sent, Duration.ofSeconds(15))) {
                var id = run + "-" + entry.id();
                ctx.sendEvent(SseEvent.data(entry.reading()).event("reading").id(id));
                sent = entry.id();
            }
        }
    }

    /** The number in a {@code Last-Event-ID} of this run, or 0 to start over. */
    private long resumeAfter(String lastEventId) {
        if (lastEventId == null || !lastEventId.startsWith(run + "-")) return 0;
        try {
            return Long.parseLong(lastEventId.substring(run.length() + 1));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
    // #endregion stream
}
