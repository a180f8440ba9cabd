package dev.strand.internal.sse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.strand.Context;
import dev.strand.Strand;
import dev.strand.annotation.Sse;
import dev.strand.fuzz.FuzzServer;
import dev.strand.sse.SseEvent;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code Last-Event-ID} round trip, through a real server. Any id a handler gives an event comes
 * back, when the browser reconnects, as {@code ctx.lastEventId()}: the id as the WHATWG algorithm
 * read it from the stream, sent by the browser as the header's UTF-8 value, less the leading and
 * trailing blanks HTTP drops. The reconnect is never refused and nothing answers 5xx.
 */
class LastEventIdFuzzTest {

    @RegisterExtension
    static final FuzzServer app = new FuzzServer(() -> Strand.builder().controllers(new Routes()));

    public static final class Routes {
        @Sse("/resume")
        public void resume(Context ctx) {
            var last = ctx.lastEventId();
            ctx.sendEvent(SseEvent.data(last == null ? "none" : "id:" + last));
        }
    }

    /** The input is the id, as UTF-8. */
    @FuzzTest
    void idComesBackOnReconnect(byte[] input) {
        var id = new String(input, StandardCharsets.UTF_8);
        var stream = EventFormat.format(SseEvent.data("x").id(id), String::valueOf).getBytes(StandardCharsets.UTF_8);
        var lastEventId = EventStreamParser.parse(stream).lastEventId();
        if (lastEventId.isEmpty()) return; // browsers send no header then
        var header = new ByteArrayOutputStream();
        header.writeBytes("Last-Event-ID: ".getBytes(StandardCharsets.US_ASCII));
        header.writeBytes(lastEventId.getBytes(StandardCharsets.UTF_8));
        var response = app.http().get("/resume".getBytes(StandardCharsets.US_ASCII), header.toByteArray());
        assertEquals(200, response.status(), response::text);
        var events = EventStreamParser.parse(response.body()).events();
        var expected = lastEventId.replaceAll("^[ \t]+|[ \t]+$", "");
        assertEquals(List.of(new EventStreamParser.Dispatched("message", "id:" + expected, "")), events);
    }
}
