package com.example.threading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strand.test.StrandTest;
import java.util.ArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class ThreadingTest {

    @Test
    void handlersRunOnVirtualThreadsAndMayBlock() throws Exception {
        var rates = new Rates();
        StrandTest.run(ThreadingApp.app(rates), (server, client) -> {
            var price = client.get("/rates/USD").json(Dashboard.Price.class);
            assertEquals(1.08, price.rate());
            assertTrue(price.virtualThread());
            assertEquals(new Dashboard.Board("weather is fine", "news is fine"), client.get("/board").json(Dashboard.Board.class));
        });
    }

    @Test
    void manyRequestsWaitingForTheLockLoadTheRateOnce() throws Exception {
        var rates = new Rates();
        StrandTest.run(ThreadingApp.app(rates), (server, client) -> {
            try (var callers = Executors.newVirtualThreadPerTaskExecutor()) {
                var answers = new ArrayList<Future<Integer>>();
                for (int i = 0; i < 200; i++) answers.add(callers.submit(() -> client.get("/rates/GBP").status()));
                for (var answer : answers) assertEquals(200, answer.get());
            }
            assertEquals(1, rates.loads());
        });
    }
}
