package dev.strand.bench.peer.jetty;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strand.bench.peer.Greeting;
import dev.strand.bench.peer.Peer;
import dev.strand.bench.peer.SseFanout;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The HTTP and SSE endpoints of the raw Jetty peer. A blocking handler, so Jetty runs each request
 * on a virtual thread of its own; requests it does not know fall through to Jetty's 404.
 */
final class HttpRoutes extends Handler.Abstract {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] OPENED = ": open\n\n".getBytes(StandardCharsets.UTF_8);
    private static final byte[] HEARTBEAT = ":\n\n".getBytes(StandardCharsets.UTF_8);

    private final SseFanout fanout;

    HttpRoutes(SseFanout fanout) {
        this.fanout = fanout;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        var get = HttpMethod.GET.is(request.getMethod());
        switch (Request.getPathInContext(request)) {
            case "/plaintext" -> {
                if (!get) return false;
                response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain");
                response.write(true, ByteBuffer.wrap(Peer.PLAINTEXT), callback);
            }
            case "/json" -> {
                if (!get) return false;
                response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
                response.write(true, ByteBuffer.wrap(JSON.writeValueAsBytes(Greeting.HELLO)), callback);
            }
            case "/sse/fanout" -> {
                if (!get) return false;
                stream(response, callback);
            }
            case "/sse/publish" -> {
                if (get) return false;
                fanout.publish(Content.Source.asString(request, StandardCharsets.UTF_8));
                response.setStatus(HttpStatus.NO_CONTENT_204);
                callback.succeeded();
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    /** Holds this request's virtual thread for the life of the stream, writing each event as it comes. */
    private void stream(Response response, Callback callback) {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/event-stream");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-cache");
        try (var subscriber = fanout.subscribe()) {
            write(response, OPENED); // commits the headers, so the client knows it is subscribed
            // Ends when a write fails (the client left; a heartbeat notices within SSE_HEARTBEAT) or on stop.
            while (true) {
                var data = subscriber.next(Peer.SSE_HEARTBEAT);
                write(response, data == null ? HEARTBEAT : ("data: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException | InterruptedException e) {
            callback.failed(e);
        }
    }

    private static void write(Response response, byte[] event) throws IOException {
        Content.Sink.write(response, false, ByteBuffer.wrap(event));
    }
}
