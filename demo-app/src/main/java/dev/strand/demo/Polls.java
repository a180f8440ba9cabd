package dev.strand.demo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.strand.HttpException;
import dev.strand.broadcast.Hub;
import dev.strand.broadcast.Subscription;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The polls of this instance, at most {@value #MAX_POLLS}. Every name stands for a poll: one
 * nobody made asks {@link #DEFAULT_QUESTION}, and exists from its first use. Past the limit, the
 * poll unused longest among those no page watches is forgotten (its name starts over with no
 * votes); when every poll is watched, a new one is refused with 503.
 *
 * <p>One lock guards the polls; results are published while it is held, so every page sees them
 * in order, and a page that starts watching misses no vote.
 */
final class Polls {
    static final int MAX_POLLS = 100;
    static final String DEFAULT_QUESTION = "Which demo do you like best?";
    static final List<String> DEFAULT_OPTIONS = List.of("Chat", "Whiteboard", "Live poll", "Stocks");
    /** Every message is the whole result, so a watcher that falls behind only needs the newest. */
    private static final int BUFFER = 16;
    private static final String TOPIC = "poll:";

    private final Hub hub;
    private final ReentrantLock lock = new ReentrantLock();
    private final LinkedHashMap<String, Poll> polls = new LinkedHashMap<>(16, 0.75f, true);

    /**
     * A page watching a poll.
     *
     * @param subscription the poll's results from now on, as JSON text
     * @param results      the results now
     */
    record Watch(Subscription subscription, PollResults results) {}

    Polls(Hub hub) {
        this.hub = hub;
    }

    PollResults results(String id) {
        lock.lock();
        try {
            return poll(id).results();
        } finally {
            lock.unlock();
        }
    }

    /** Counts a vote and sends the new results to every page watching; see {@link Poll#vote}. */
    PollResults vote(String id, JsonNode choice) {
        lock.lock();
        try {
            var poll = poll(id);
            poll.vote(choice);
            var results = poll.results();
            hub.publish(TOPIC + id, DemoJson.write(results));
            return results;
        } finally {
            lock.unlock();
        }
    }

    /** Makes a poll with its own question and options under a new random name. */
    PollResults create(String question, List<String> options) {
        lock.lock();
        try {
            String id;
            do {
                id = "p" + Long.toString(ThreadLocalRandom.current().nextLong(36L * 36 * 36 * 36 * 36 * 36), 36);
            } while (polls.containsKey(id));
            makeRoom();
            var poll = new Poll(id, question, options);
            polls.put(id, poll);
            return poll.results();
        } finally {
            lock.unlock();
        }
    }

    /** Starts watching a poll: its results now, and every change from now on. */
    Watch watch(String id) {
        lock.lock();
        try {
            var results = poll(id).results();
            return new Watch(hub.subscribe(TOPIC + id, BUFFER), results);
        } finally {
            lock.unlock();
        }
    }

    /** The poll of that name, made with the default question if it is new. The lock is held. */
    private Poll poll(String id) {
        var poll = polls.get(id);
        if (poll == null) {
            makeRoom();
            poll = new Poll(id, DEFAULT_QUESTION, DEFAULT_OPTIONS);
            polls.put(id, poll);
        }
        return poll;
    }

    /** Forgets the least recently used unwatched poll when all places are taken. The lock is held. */
    private void makeRoom() {
        if (polls.size() < MAX_POLLS) return;
        for (var it = polls.keySet().iterator(); it.hasNext(); ) {
            if (hub.subscriberCount(TOPIC + it.next()) == 0) {
                it.remove();
                return;
            }
        }
        throw new HttpException(503, "all " + MAX_POLLS + " polls are being watched; try again later");
    }
}
