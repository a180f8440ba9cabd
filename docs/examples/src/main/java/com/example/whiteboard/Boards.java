package com.example.whiteboard;

import dev.strand.broadcast.Hub;
import dev.strand.broadcast.Subscription;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/** What is drawn on each board, in memory; the hub tells everyone on a board about changes. */
public final class Boards {
    private static final int MAX_ACTIONS = 10_000;
    private static final int CATCH_UP_ROOM = 1_024;

    private final Hub hub;
    private final Map<String, List<String>> drawings = new HashMap<>();
    // One lock for "record, then publish" and for "copy, then subscribe": every action is then
    // either in the copy a newcomer gets or delivered to it afterwards, never both, never neither.
    private final ReentrantLock lock = new ReentrantLock();

    public Boards(Hub hub) {
        this.hub = hub;
    }

    /** A newcomer's view: what is drawn so far, and everything drawn from now on. */
    public record Joined(List<String> drawing, Subscription live) {}

    public Joined join(String board) {
        lock.lock();
        try {
            var drawing = List.copyOf(drawings.getOrDefault(board, List.of()));
            // Room for what others draw while the newcomer is still receiving the drawing so far.
            return new Joined(drawing, hub.subscribe(board, CATCH_UP_ROOM));
        } finally {
            lock.unlock();
        }
    }

    /** Records an action (as the JSON clients get) and sends it to all on the board but one. */
    public void apply(String board, Action action, String json, Subscription from) {
        lock.lock();
        try {
            var drawing = drawings.computeIfAbsent(board, b -> new ArrayList<>());
            if (action.clears()) {
                drawing.clear();
            } else {
                drawing.add(json);
                if (drawing.size() > MAX_ACTIONS) drawing.removeFirst();
            }
            hub.publish(board, json, from);            // buffers for each subscriber; never waits
        } finally {
            lock.unlock();
        }
    }
}
