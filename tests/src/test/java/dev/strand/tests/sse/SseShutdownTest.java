package dev.strand.tests.sse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strand.Strand;
import dev.strand.test.StrandTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SseShutdownTest {

    @Test
    void aGracefulStopEndsOpenStreamsPromptly() throws Exception {
        var app = StrandTest.start(Strand.builder().controllers(new SseTest.Streams())
                .configure(c -> c.stopTimeout(Duration.ofSeconds(30))));
        var sse = app.client().sse("/long");
        assertEquals("started", sse.next().data());
        long start = System.nanoTime();
        app.close();
        sse.awaitEnd();
        var took = Duration.ofNanos(System.nanoTime() - start);
        assertTrue(took.compareTo(Duration.ofSeconds(10)) < 0, "stopping took " + took + " with a stream open");
        String report;
        do {
            report = SseTest.seen.next();
        } while (!report.equals("ended by stop"));

    }
}
