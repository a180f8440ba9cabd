package com.example.threading;

import dev.strand.annotation.Get;
import dev.strand.annotation.PathParam;
import java.util.concurrent.Executors;

/** Handlers that block, as handlers on virtual threads may. */
public final class Dashboard {
    private final Rates rates;

    public Dashboard(Rates rates) {
        this.rates = rates;
    }

    public record Price(String currency, double rate, boolean virtualThread) {}

    // #region blocking
    @Get("/rates/{currency}")
    public Price price(@PathParam String currency) throws InterruptedException {
        // Plain blocking code: while rate() waits, this virtual thread is parked and its
        // carrier serves other requests.
        return new Price(currency, rates.rate(currency), Thread.currentThread().isVirtual());
    }
    // #endregion blocking

    public record Board(String weather, String news) {}

    // #region fan-out
    /** Two slow calls at once, each on a virtual thread of its own, both done before answering. */
    @Get("/board")
    public Board board() throws Exception {
        try (var calls = Executors.newVirtualThreadPerTaskExecutor()) {
            var weather = calls.submit(() -> fetch("weather"));
            var news = calls.submit(() -> fetch("news"));
            return new Board(weather.get(), news.get());      // close() waits for both anyway
        }
    }

    private static String fetch(String what) throws InterruptedException {
        Thread.sleep(100);                    // stands in for a call to another service
        return what + " is fine";
    }
    // #endregion fan-out
}
