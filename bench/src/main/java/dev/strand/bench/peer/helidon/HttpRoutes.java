package dev.strand.bench.peer.helidon;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strand.bench.peer.Greeting;
import dev.strand.bench.peer.Peer;
import dev.strand.bench.peer.SseFanout;
import io.helidon.http.HeaderValues;
import io.helidon.http.Status;
import io.helidon.http.sse.SseEvent;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.helidon.webserver.sse.SseSink;

/**
 * The HTTP and SSE endpoints of the Helidon peer. JSON goes through Jackson directly: Helidon's
 * Jackson media module is not published for 4.3.1 in the registry here.
 */
final class HttpRoutes {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SseEvent HEARTBEAT = SseEvent.builder().comment("").build();

    private final SseFanout fanout;

    HttpRoutes(SseFanout fanout) {
        this.fanout = fanout;
    }

    void register(HttpRouting.Builder routing) {
        routing.get("/plaintext", (req, res) -> res.header(HeaderValues.CONTENT_TYPE_TEXT_PLAIN).send(Peer.PLAINTEXT))
                .get("/json", (req, res) -> res.header(HeaderValues.CONTENT_TYPE_JSON).send(JSON.writeValueAsBytes(Greeting.HELLO)))
                .get("/sse/fanout", this::stream)
                .post("/sse/publish", (req, res) -> {
                    fanout.publish(req.content().as(String.class));
                    res.status(Status.NO_CONTENT_204).send();
                });
    }

    /**
     * Helidon wants a response finished on the request's thread, so the stream holds that virtual
     * thread and writes each event as it comes. It ends when a write fails (the client left; a
     * heartbeat notices within {@link Peer#SSE_HEARTBEAT}) or when the server stops.
     */
    private void stream(ServerRequest req, ServerResponse res) throws InterruptedException {
        // Subscribe first: the sink sends the headers at once, and the client counts itself subscribed on them.
        try (var subscriber = fanout.subscribe(); var sink = res.sink(SseSink.TYPE)) {
            while (true) {
                var data = subscriber.next(Peer.SSE_HEARTBEAT);
                sink.emit(data == null ? HEARTBEAT : SseEvent.create(data));
            }
        }
    }
}
