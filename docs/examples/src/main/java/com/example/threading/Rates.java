package com.example.threading;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;

// #region rates
/** Exchange rates, loaded once per currency by a slow call and then kept. */
public final class Rates {
    private final Map<String, Double> rates = new HashMap<>();
    private final AtomicInteger loads = new AtomicInteger();
    // The load below blocks while the lock is held. With synchronized, JDK 21-23 would pin the
    // virtual thread to its carrier for that long, and a few such waits can stall every
    // carrier; a ReentrantLock lets the waiting virtual threads unmount.
    private final ReentrantLock lock = new ReentrantLock();

    public double rate(String currency) throws InterruptedException {
        lock.lock();
        try {
            var known = rates.get(currency);
            if (known != null) return known;
            var loaded = load(currency);
            rates.put(currency, loaded);
            return loaded;
        } finally {
            lock.unlock();
        }
    }

    /** How many slow calls were made. */
    public int loads() {
        return loads.get();
    }

    private double load(String currency) throws InterruptedException {
        loads.incrementAndGet();
        Thread.sleep(100);                    // stands in for an HTTP call to a rates service
        return currency.equals("EUR") ? 1.0 : 1.08;
    }
}
// #endregion rates
