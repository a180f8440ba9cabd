package dev.strand.bench.reliability;

import dev.strand.bench.load.Clients;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.client.Result;
import org.eclipse.jetty.http.HttpHeader;

/**
 * One SSE stream the driver holds: open once its headers say 200; counts the events it reads;
 * tells whether it ended cleanly (the response completed) or failed.
 */
final class EventStream implements Response.Listener {

    /** Completes with this stream once the server answered 200. */
    final CompletableFuture<EventStream> opened = new CompletableFuture<>();
    /** Completes when the stream ends: {@code true} when the response completed, {@code false} when it failed. */
    final CompletableFuture<Boolean> ended = new CompletableFuture<>();
    private final Request request;
    private volatile long events;

    private EventStream(Request request) {
        this.request = request;
    }

    /** Opens a stream on {@code uri}. */
    static EventStream open(Clients clients, URI uri) {
        var stream = new EventStream(clients.http().newRequest(uri)
                .headers(headers -> headers.put(HttpHeader.ACCEPT, "text/event-stream"))
                .idleTimeout(5, TimeUnit.MINUTES));
        stream.request.send(stream);
        return stream;
    }

    /** The events read so far. */
    long events() {
        return events;
    }

    /** Vanishes: aborts the request, which closes the connection without a word. */
    void vanish() {
        request.abort(new VanishedException());
    }

    @Override
    public void onHeaders(Response response) {
        if (response.getStatus() == 200) {
            opened.complete(this);
        } else {
            opened.completeExceptionally(new IllegalStateException(request.getPath() + " answered " + response.getStatus()));
        }
    }

    @Override
    public void onContent(Response response, ByteBuffer content) {
        for (int i = content.position(); i < content.limit(); i++) {
            if (content.get(i) == 'd') {
                events++; // each event's "data:" line; the scenarios' payloads have no 'd'
            }
        }
    }

    @Override
    public void onComplete(Result result) {
        if (!opened.isDone()) {
            opened.completeExceptionally(result.getFailure() != null ? result.getFailure() : new IllegalStateException("ended before its headers"));
        }
        ended.complete(result.isSucceeded());
    }

    /** Why a stream's request was aborted: its client vanished on purpose. */
    private static final class VanishedException extends Exception {
        VanishedException() {
            super("the client vanished", null, false, false);
        }
    }
}
