package dev.strand.demo;

import dev.strand.broadcast.Hub;
import dev.strand.broadcast.Subscription;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The whiteboards of this instance, at most {@value #MAX_BOARDS}. Opening one more forgets the
 * board unused longest among those nobody has open; when every board is open, the new one is
 * refused.
 *
 * <p>One lock guards the boards and their strokes, and every change is published while it is
 * held: each page sees the changes in the same order, and a page that joins gets each stroke
 * exactly once, in its replay or as a message after it.
 */
final class Boards {
    static final int MAX_BOARDS = 32;
    /** Room for a burst of strokes while a page's socket is busy; a page further behind skips some. */
    private static final int BUFFER = 1024;
    private static final String TOPIC = "whiteboard:";

    private final Hub hub;
    private final ReentrantLock lock = new ReentrantLock();
    private final LinkedHashMap<String, Board> boards = new LinkedHashMap<>(16, 0.75f, true);

    /**
     * A page's place at a board.
     *
     * @param subscription the board's changes from now on
     * @param strokes      what was drawn before
     */
    record Seat(Subscription subscription, List<Stroke> strokes) {}

    Boards(Hub hub) {
        this.hub = hub;
    }

    /** The hub topic of a board, for presence counts. */
    static String topic(String board) {
        return TOPIC + board;
    }

    /** Joins a board, making it if needed; empty when all {@value #MAX_BOARDS} boards are open. */
    Optional<Seat> join(String board) {
        lock.lock();
        try {
            var b = boards.get(board);
            if (b == null) {
                if (boards.size() >= MAX_BOARDS && !forgetOneUnused()) return Optional.empty();
                b = new Board();
                boards.put(board, b);
            }
            return Optional.of(new Seat(hub.subscribe(topic(board), BUFFER), b.strokes()));
        } finally {
            lock.unlock();
        }
    }

    /** Keeps a stroke and sends it to every page of the board but the drawer's. */
    void draw(String board, Stroke stroke, Subscription drawer) {
        lock.lock();
        try {
            var b = boards.get(board);
            if (b == null) return;
            b.add(stroke);
            hub.publish(topic(board), DemoJson.write(stroke), drawer);
        } finally {
            lock.unlock();
        }
    }

    /** Wipes a board, and tells every page of it. */
    void clear(String board) {
        lock.lock();
        try {
            var b = boards.get(board);
            if (b == null) return;
            b.clear();
            hub.publish(topic(board), DemoJson.write(new Drawing.Clear()));
        } finally {
            lock.unlock();
        }
    }

    /** Forgets the least recently used board that no page has open; whether there was one. */
    private boolean forgetOneUnused() {
        for (var it = boards.keySet().iterator(); it.hasNext(); ) {
            if (hub.subscriberCount(topic(it.next())) == 0) {
                it.remove();
                return true;
            }
        }
        return false;
    }
}
