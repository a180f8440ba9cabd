package com.example.operations;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A stand-in for the shop's stock service: what the items route reads, and whether it answers. */
public final class Inventory {
    private final Map<String, Integer> stock = new ConcurrentHashMap<>(Map.of("tea", 12, "cups", 3));
    private volatile boolean reachable = true;

    public Integer stock(String item) {
        return stock.get(item);
    }

    public boolean reachable() {
        return reachable;
    }

    /** For the tests: the service goes away or comes back. */
    public void reachable(boolean now) {
        reachable = now;
    }
}
