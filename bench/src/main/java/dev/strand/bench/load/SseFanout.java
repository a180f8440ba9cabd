package dev.strand.bench.load;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.client.Result;
import org.eclipse.jetty.client.StringRequestContent;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;

/**
 * {@code sse-fanout}: N streams on {@code GET /sse/fanout}, events published with
 * {@code POST /sse/publish} in {@link Fanout} rounds. Reports events per second, delivery latency,
 * and the server's memory with all streams open.
 */
final class SseFanout {

    private SseFanout() {
    }

    static Measurement run(LoadOptions options) throws Exception {
        var result = Measurement.of(options, "streams", options.connections());
        try (var clients = Clients.start(options.connections() + 1, options.sources())) {
            var baseline = options.serverPid() > 0 ? ServerMemory.of(options.serverPid()) : null;
            var fanout = new Fanout(options.connections());
            var opened = Opener.open(options.connections(), i -> {
                var stream = new Stream(fanout);
                clients.http().newRequest(options.http("/sse/fanout"))
                        .headers(headers -> headers.put(HttpHeader.ACCEPT, "text/event-stream"))
                        .idleTimeout(5, TimeUnit.MINUTES)
                        .send(stream);
                return stream.opened;
            });
            if (baseline != null) {
                ServerMemory.of(options.serverPid()).report(baseline, opened.connections().size(), result.metrics());
            }
            var publish = options.http("/sse/publish");
            fanout.run(options, payload -> {
                var response = clients.http().newRequest(publish).method(HttpMethod.POST)
                        .body(new StringRequestContent("text/plain", payload))
                        .timeout(Fanout.PUBLISH_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                        .send();
                if (response.getStatus() / 100 != 2) {
                    throw new IllegalStateException("POST /sse/publish answered " + response.getStatus());
                }
            }, result);
            result.metrics().merge("errors", opened.failed(), (a, b) -> a.longValue() + b.longValue());
        }
        return result;
    }

    /**
     * One event stream. Events are split at blank lines and their {@code data:} lines handed to the
     * run; comments (heartbeats) are skipped. Chunks are decoded as ISO-8859-1, byte for char, so a
     * chunk boundary never splits a character; the payloads are ASCII.
     */
    private static final class Stream implements Response.Listener {

        final CompletableFuture<Stream> opened = new CompletableFuture<>();
        private final Fanout fanout;
        private final StringBuilder pending = new StringBuilder();

        Stream(Fanout fanout) {
            this.fanout = fanout;
        }

        @Override
        public void onHeaders(Response response) {
            if (response.getStatus() == 200) {
                opened.complete(this);
            } else {
                opened.completeExceptionally(new IllegalStateException("GET /sse/fanout answered " + response.getStatus()));
            }
        }

        @Override
        public void onContent(Response response, ByteBuffer content) {
            pending.append(StandardCharsets.ISO_8859_1.decode(content));
            for (int end; (end = pending.indexOf("\n\n")) >= 0; ) {
                event(pending.substring(0, end));
                pending.delete(0, end + 2);
            }
        }

        private void event(String event) {
            for (var line : event.split("\n")) {
                if (line.startsWith("data:")) {
                    fanout.deliver(line.startsWith("data: ") ? line.substring(6) : line.substring(5));
                }
            }
        }

        @Override
        public void onComplete(Result result) {
            if (!opened.isDone()) {
                opened.completeExceptionally(result.getFailure() != null ? result.getFailure() : new IllegalStateException("stream ended before its headers"));
            } else if (result.isFailed()) {
                fanout.failed(result.getFailure());
            }
        }
    }
}
