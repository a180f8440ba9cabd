package dev.strand.tests.websocket;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.strand.Context;
import dev.strand.Strand;
import dev.strand.annotation.Ws;
import dev.strand.test.StrandExtension;
import dev.strand.test.TestClient;
import dev.strand.test.WsTestClient;
import dev.strand.tests.Await;
import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Many connections at once, and thousands opened and dropped, leave nothing behind. */
class WsLoadTest {
    static final AtomicInteger running = new AtomicInteger();
    static final List<WeakReference<Context>> contexts = new CopyOnWriteArrayList<>();

    public static final class Echo {
        @Ws("/echo")
        public void echo(Context ctx) {
            running.incrementAndGet();
            contexts.add(new WeakReference<>(ctx));
            try {
                for (byte[] m; (m = ctx.requestBody()).length > 0; ) ctx.sendBinary(m);
            } finally {
                running.decrementAndGet();
            }
        }
    }

    @RegisterExtension
    static final StrandExtension app = new StrandExtension(() -> Strand.builder().controllers(new Echo()));

    @Test
    void fiveHundredConnectionsExchangeMessagesAtOnce(TestClient client) throws Exception {
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            var results = new ArrayList<Future<Integer>>();
            for (int c = 0; c < 500; c++) {
                int id = c;
                results.add(pool.submit(() -> {
                    try (var ws = client.ws("/echo")) {
                        for (int i = 0; i < 20; i++) {
                            var payload = (id + ":" + i).getBytes();
                            ws.send(payload);
                            assertEquals(id + ":" + i, new String(ws.receiveBinary()));
                        }
                        return 20;
                    }
                }));
            }
            int total = 0;
            for (var r : results) total += r.get();
            assertEquals(500 * 20, total);
        }
    }

    @Test
    void connectionChurnLeavesNoThreadOrContextBehind(TestClient client) throws Exception {
        contexts.clear();
        try (var pool = Executors.newFixedThreadPool(50, Thread.ofVirtual().factory())) {
            var done = new ArrayList<Future<?>>();
            for (int c = 0; c < 3000; c++) {
                int id = c;
                done.add(pool.submit(() -> {
                    WsTestClient ws = client.ws("/echo");
                    ws.send(new byte[] {(byte) id});
                    ws.receiveBinary();
                    if (id % 3 == 0) {
                        ws.socket().abort();
                    } else {
                        ws.close(1000, "bye");
                        ws.awaitClose();
                    }
                    return null;
                }));
            }
            for (var f : done) f.get();
        }
        assertEquals(3000, contexts.size());
        Await.until("every handler loop to finish", Duration.ofSeconds(30), () -> running.get() == 0);
        Await.until("every Context to be collected", Duration.ofSeconds(30), () -> {
            System.gc();
            return contexts.stream().allMatch(ref -> ref.get() == null);
        });
    }
}
