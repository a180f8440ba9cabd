package dev.strand.test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A Server-Sent Events client for tests: reads the stream on a thread of its own, parses it as a
 * browser would, and hands out one event at a time with a bounded wait. Comments (heartbeats)
 * are skipped unless asked for with {@link #includeComments()}.
 *
 * {@snippet :
 * try (var sse = client.sse("/sse/ticks?count=3")) {
 *     assertEquals("1", sse.next().data());
 * }
 * }
 */
public final class SseTestClient implements AutoCloseable {

    /**
     * One event as a browser would dispatch it, or a comment line.
     *
     * @param id      the last {@code id:} seen (the browser's lastEventId), or {@code null}
     * @param event   the {@code event:} name, or {@code null} for the default "message"
     * @param data    the {@code data:} lines joined with {@code \n}
     * @param retry   the {@code retry:} value in ms, or {@code null}
     * @param comment the comment text, for comment lines only
     */
    public record Event(String id, String event, String data, Long retry, String comment) {
        /** Whether this is a comment line (a heartbeat) rather than an event. */
        public boolean isComment() {
            return comment != null;
        }
    }

    private static final Event END = new Event(null, null, null, null, null);

    private final int status;
    private final HttpHeaders headers;
    private final String target;
    private final Supplier<Duration> timeout;
    private final InputStream body;
    private final String refusal;
    private final LinkedBlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private volatile boolean comments;
    private volatile boolean ended;

    /** A client whose waits last what {@code timeout} says at the moment each wait starts. */
    SseTestClient(int status, HttpHeaders headers, InputStream body, String target, Supplier<Duration> timeout) throws IOException {
        this.status = status;
        this.headers = headers;
        this.target = target;
        this.timeout = timeout;
        this.body = body;
        if (status == 200) {
            this.refusal = null;
            Thread.ofVirtual().name("sse-test-reader").start(this::read);
        } else {
            this.refusal = new String(body.readAllBytes(), StandardCharsets.UTF_8);
            body.close();
        }
    }

    /** The response status: 200 for an open stream, else the refusal's. */
    public int status() {
        return status;
    }

    /** A response header, or {@code null}. */
    public String header(String name) {
        return headers.firstValue(name).orElse(null);
    }

    /** The body of a refused stream (empty for an open one). */
    public String refusalBody() {
        return refusal == null ? "" : refusal;
    }

    /** From now on {@link #next()} also returns comment lines (heartbeats). */
    public SseTestClient includeComments() {
        comments = true;
        return this;
    }

    /** The next event; fails after the client's timeout, or if the stream ended or was refused first. */
    public Event next() {
        return next(timeout.get());
    }

    /** The next event, waiting at most {@code limit}. */
    public Event next(Duration limit) {
        if (refusal != null) throw new AssertionError("the stream " + target + " was refused with " + status + ": " + refusal);
        var deadline = Deadline.in(limit);
        while (true) {
            Event e;
            try {
                e = events.poll(deadline.remainingNanos(), TimeUnit.NANOSECONDS);
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
                throw new AssertionError("waiting for an event was interrupted", ie);
            }
            if (e == null) throw new AssertionError("expected an event from " + target + " within " + deadline + ", but none arrived");
            if (e == END) {
                events.add(END);
                throw new AssertionError("expected an event from " + target + ", but the stream ended");
            }
            if (!e.isComment() || comments) return e;
        }
    }

    /** Waits until the server ends the stream, skipping any events still coming; fails after the timeout. */
    public void awaitEnd() {
        var deadline = Deadline.in(timeout.get());
        try {
            for (Event e; (e = events.poll(deadline.remainingNanos(), TimeUnit.NANOSECONDS)) != null; ) {
                if (e == END) {
                    events.add(END);
                    return;
                }
            }
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
        }
        throw new AssertionError("expected the stream " + target + " to end within " + deadline + ", but it stayed open");
    }

    /** Whether the server has ended the stream. */
    public boolean ended() {
        return ended;
    }

    /** Hangs up, as a browser tab being closed. */
    @Override
    public void close() {
        try {
            body.close();
        } catch (IOException ignored) {
            // closing a stream the server already ended
        }
    }

    private void read() {
        try (var reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String id = null, event = null;
            Long retry = null;
            var data = new StringBuilder();
            boolean hasData = false;
            for (String line; (line = reader.readLine()) != null; ) {
                if (line.isEmpty()) {
                    if (hasData) events.add(new Event(id, event, data.toString(), retry, null));
                    event = null;
                    retry = null;
                    data.setLength(0);
                    hasData = false;
                    continue;
                }
                int colon = line.indexOf(':');
                var field = colon < 0 ? line : line.substring(0, colon);
                var value = colon < 0 ? "" : line.substring(colon + 1);
                if (value.startsWith(" ")) value = value.substring(1);
                switch (field) {
                    case "" -> events.add(new Event(id, null, null, null, value));
                    case "data" -> {
                        if (hasData) data.append('\n');
                        data.append(value);
                        hasData = true;
                    }
                    case "event" -> event = value;
                    case "id" -> id = value;
                    case "retry" -> retry = Long.valueOf(value);
                    default -> { }
                }
            }
        } catch (IOException | RuntimeException e) {
            // the test hung up, or the connection dropped: either way the stream is over
        } finally {
            ended = true;
            events.add(END);
        }
    }
}
