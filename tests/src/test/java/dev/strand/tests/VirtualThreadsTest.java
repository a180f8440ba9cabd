package dev.strand.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strand.Strand;
import dev.strand.annotation.Get;
import dev.strand.test.StrandExtension;
import dev.strand.test.TestClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class VirtualThreadsTest {

    public static final class Sleepy {
        @Get("/thread")
        public String thread() {
            return Thread.currentThread().isVirtual() + " " + Thread.currentThread().getName();
        }

        @Get("/sleep")
        public String sleep() throws InterruptedException {
            Thread.sleep(1000);
            return "done";
        }
    }

    @RegisterExtension
    static final StrandExtension app = new StrandExtension(() -> Strand.builder().controllers(new Sleepy()));

    @Test
    void handlersRunOnVirtualThreads(TestClient client) {
        var body = client.get("/thread").body();
        assertTrue(body.startsWith("true strand-vt-"), body);
    }

    /** 1,000 handlers blocking 1 s each would take 1,000 s on one thread; on virtual threads they overlap. */
    @Test
    void aThousandBlockingHandlersOverlap(TestClient client) throws Exception {
        var request = HttpRequest.newBuilder(client.uri("/sleep")).timeout(Duration.ofSeconds(60)).build();
        var futures = new ArrayList<CompletableFuture<HttpResponse<String>>>();
        long start = System.nanoTime();
        for (int i = 0; i < 1000; i++) {
            futures.add(client.http().sendAsync(request, HttpResponse.BodyHandlers.ofString()));
        }
        CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        var elapsed = Duration.ofNanos(System.nanoTime() - start);
        for (var f : futures) assertEquals("done", f.join().body());
        assertTrue(elapsed.compareTo(Duration.ofSeconds(30)) < 0, "1,000 one-second handlers took " + elapsed);
    }
}
