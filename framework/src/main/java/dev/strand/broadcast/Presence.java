package dev.strand.broadcast;

import dev.strand.Context;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who is in each topic, across every instance: connections are tracked under a key (a user name,
 * say) with small metadata; a key is present while any of its connections is. Get it from
 * {@link Hub#presence()}.
 *
 * {@snippet :
 * var presence = hub.presence();
 * presence.track(ctx, "chat:lobby", user, "{\"status\":\"online\"}");  // until the connection ends
 * Map<String, String> members = presence.members("chat:lobby");         // key -> metadata, every instance
 * presence.watch("chat:lobby", change -> log(change));                  // Joined / Left, as they happen
 * }
 *
 * <p><b>Across instances</b> (a Redis hub), each instance holds the whole picture and keeps it
 * current through Redis pub/sub, with no state kept in Redis: it announces its own joins and
 * leaves, says it is alive every second ({@value #HEARTBEAT_MILLIS} ms), and sends its whole
 * state when asked. An instance heard from for {@value #TIMEOUT_MILLIS} ms no more (killed, cut
 * off) has its members leave on every other instance; they are dropped from memory then, so dead
 * members hold none. A sequence number on every announcement and heartbeat shows a missed one,
 * and the missing state is asked for again. After a Redis outage every instance asks all others
 * for their state and sends its own, so the views converge without a restart. Bounds: an
 * instance that dies has its members leave everywhere within {@value #TIMEOUT_MILLIS} ms plus
 * one heartbeat after its last heartbeat; during an outage each instance sees only its own
 * members after the same time, and all see all again within a heartbeat of Redis answering.
 *
 * <p>Watchers run on the thread that made the change (a handler's, or the relay's); they must
 * not block, and see changes of one topic in order. All methods are safe from any thread.
 */
public final class Presence {
    private static final Logger LOG = LoggerFactory.getLogger(Presence.class);

    /** How often an instance says it is alive, in ms. */
    public static final long HEARTBEAT_MILLIS = 1_000;
    /** How long an instance may stay silent before its members leave elsewhere, in ms. */
    public static final long TIMEOUT_MILLIS = 5_000;
    /** The most characters of metadata per tracked connection. */
    public static final int MAX_META = 4_096;

    private final String instanceId;
    /** Sends an announcement to the other instances, never blocking; {@code null} in one process. */
    private final Consumer<String> out;
    private final ReentrantLock lock = new ReentrantLock();
    private final Map<String, Map<String, Local>> own = new HashMap<>();
    private final Map<String, Remote> remotes = new HashMap<>();
    private final ConcurrentHashMap<String, CopyOnWriteArrayList<Consumer<PresenceChange>>> watchers = new ConcurrentHashMap<>();
    private long version;
    private volatile boolean closed;
    private final Thread ticker;

    /** This instance's connections under one key in one topic. */
    private static final class Local {
        final String meta;
        int connections;

        Local(String meta) {
            this.meta = meta;
        }
    }

    /** What another instance last told: its members by topic and key, and when it last spoke. */
    private static final class Remote {
        final Map<String, Map<String, String>> topics = new HashMap<>();
        long lastHeardNanos;
        long version;
    }

    Presence(String instanceId, Consumer<String> out) {
        this.instanceId = instanceId;
        this.out = out;
        // A platform thread, as the relay's are: a heartbeat late behind busy virtual threads would
        // make the other instances drop this one's members.
        this.ticker = out == null ? null : Thread.ofPlatform().daemon().name("strand-presence").start(this::tick);
    }

    /**
     * Tracks a connection in a topic under {@code key} until the connection ends, by any path.
     *
     * @param ctx   the connection
     * @param topic the topic (room)
     * @param key   the member's key; several connections may share it
     * @param meta  small metadata shown with the member, at most {@value #MAX_META} characters;
     *              with several connections under one key, the first one's
     * @return the tracking, to end it earlier
     */
    public Tracked track(Context ctx, String topic, String key, String meta) {
        var tracked = track(topic, key, meta);
        ctx.onClose(tracked::close);
        return tracked;
    }

    /**
     * Tracks something in a topic under {@code key} until the returned handle is closed.
     *
     * @param topic the topic (room)
     * @param key   the member's key
     * @param meta  small metadata, at most {@value #MAX_META} characters
     * @return the tracking; close it to untrack
     * @throws IllegalArgumentException when the metadata is longer than {@value #MAX_META} characters
     * @throws IllegalStateException after the hub closed
     */
    public Tracked track(String topic, String key, String meta) {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(meta, "meta");
        if (meta.length() > MAX_META) throw new IllegalArgumentException("presence metadata is at most " + MAX_META + " characters, not " + meta.length());
        if (closed) throw new IllegalStateException("the hub is closed");
        lock.lock();
        try {
            var local = own.computeIfAbsent(topic, t -> new HashMap<>()).get(key);
            if (local == null) {
                boolean before = present(topic, key);
                local = new Local(meta);
                own.get(topic).put(key, local);
                version++;
                announce("J", topic, key, meta);
                if (!before) notify(new PresenceChange.Joined(topic, key, meta));
            }
            local.connections++;
        } finally {
            lock.unlock();
        }
        return new Tracked(topic, key);
    }

    /**
     * The members of a topic on every instance, as this instance knows them now.
     *
     * @param topic the topic
     * @return key to metadata, sorted by key; empty when none
     */
    public SortedMap<String, String> members(String topic) {
        lock.lock();
        try {
            var members = new TreeMap<String, String>();
            for (var remote : remotes.values()) members.putAll(remote.topics.getOrDefault(topic, Map.of()));
            own.getOrDefault(topic, Map.of()).forEach((key, local) -> members.put(key, local.meta));
            return members;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Calls {@code listener} with each join and leave in the topic from now on, until the
     * returned handle is closed. It runs on the thread that made the change and must not block.
     *
     * @param topic    the topic
     * @param listener gets each {@link PresenceChange}
     * @return closes to stop watching
     */
    public Watching watch(String topic, Consumer<PresenceChange> listener) {
        Objects.requireNonNull(listener, "listener");
        watchers.computeIfAbsent(topic, t -> new CopyOnWriteArrayList<>()).add(listener);
        return () -> watchers.computeIfPresent(topic, (t, list) -> {
            list.remove(listener);
            return list.isEmpty() ? null : list;
        });
    }

    /** A watcher of one topic; closing it stops the calls. */
    @FunctionalInterface
    public interface Watching extends AutoCloseable {
        /** Stops watching; safe to call more than once. */
        @Override
        void close();
    }

    /** One tracked connection; closing it untracks it, once. */
    public final class Tracked implements AutoCloseable {
        private final String topic;
        private final String key;
        private boolean closed;

        private Tracked(String topic, String key) {
            this.topic = topic;
            this.key = key;
        }

        /** Untracks the connection; the key leaves when it was its last. Safe to call more than once. */
        @Override
        public void close() {
            lock.lock();
            try {
                if (closed) return;
                closed = true;
                untrack(topic, key);
            } finally {
                lock.unlock();
            }
        }
    }

    private void untrack(String topic, String key) {
        var keys = own.get(topic);
        var local = keys == null ? null : keys.get(key);
        if (local == null || --local.connections > 0) return;
        keys.remove(key);
        if (keys.isEmpty()) own.remove(topic);
        version++;
        announce("L", topic, key);
        if (!present(topic, key)) notify(new PresenceChange.Left(topic, key));
    }

    /** Whether any instance has the key in the topic; the lock is held. */
    private boolean present(String topic, String key) {
        var keys = own.get(topic);
        if (keys != null && keys.containsKey(key)) return true;
        for (var remote : remotes.values()) {
            var theirs = remote.topics.get(topic);
            if (theirs != null && theirs.containsKey(key)) return true;
        }
        return false;
    }

    private void notify(PresenceChange change) {
        var list = watchers.get(change.topic());
        if (list == null) return;
        for (var listener : list) {
            try {
                listener.accept(change);
            } catch (RuntimeException e) {
                LOG.warn("a presence watcher of topic {} failed", change.topic(), e);
            }
        }
    }

    // ---- across instances --------------------------------------------------------------------

    /** The relay's publishing connection is (back) up: the others may have missed our changes. */
    void publisherConnected() {
        lock.lock();
        try {
            sendState();
        } finally {
            lock.unlock();
        }
    }

    /** The relay's subscription is (back) up: we may have missed the others' changes. */
    void subscriberConnected() {
        lock.lock();
        try {
            announce("S", "*");
        } finally {
            lock.unlock();
        }
    }

    /**
     * Applies an announcement from the relay: {@code instance \n kind \n fields}, each field
     * URL-encoded. Kinds: H heartbeat(version), J join(version, topic, key, meta), L
     * leave(version, topic, key), D state(version, then topic, key, meta triples), S ask for
     * state(target or *), B goodbye.
     */
    void receive(String payload) {
        var parts = payload.split("\n", -1);
        if (parts.length < 2) return;
        var from = decode(parts[0]);
        if (from.equals(instanceId)) return;
        lock.lock();
        try {
            apply(from, parts);
        } catch (RuntimeException e) {
            LOG.debug("ignored a malformed presence announcement from {}", from, e);
        } finally {
            lock.unlock();
        }
    }

    private void apply(String from, String[] parts) {
        var kind = parts[1];
        if (kind.equals("S")) {
            var target = decode(parts[2]);
            if (target.equals("*") || target.equals(instanceId)) sendState();
            return;
        }
        if (kind.equals("B")) {
            var gone = remotes.remove(from);
            if (gone != null) leaveAll(gone.topics);
            return;
        }
        long v = Long.parseLong(parts[2]);
        var remote = remotes.get(from);
        boolean known = remote != null;
        if (!known) {
            remote = new Remote();
            remotes.put(from, remote);
        }
        remote.lastHeardNanos = System.nanoTime();
        boolean inStep = known && v == remote.version + (kind.equals("H") ? 0 : 1);
        switch (kind) {
            case "H" -> { }
            case "J" -> join(remote, decode(parts[3]), decode(parts[4]), decode(parts[5]));
            case "L" -> leave(remote, decode(parts[3]), decode(parts[4]));
            case "D" -> {
                var state = new HashMap<String, Map<String, String>>();
                for (int i = 3; i + 2 < parts.length; i += 3) {
                    state.computeIfAbsent(decode(parts[i]), t -> new HashMap<>()).put(decode(parts[i + 1]), decode(parts[i + 2]));
                }
                replace(remote, state);
                inStep = true;
            }
            default -> { }
        }
        remote.version = v;
        if (!inStep) announce("S", from);
    }

    private void join(Remote remote, String topic, String key, String meta) {
        boolean before = present(topic, key);
        remote.topics.computeIfAbsent(topic, t -> new HashMap<>()).put(key, meta);
        if (!before) notify(new PresenceChange.Joined(topic, key, meta));
    }

    private void leave(Remote remote, String topic, String key) {
        var keys = remote.topics.get(topic);
        if (keys == null || keys.remove(key) == null) return;
        if (keys.isEmpty()) remote.topics.remove(topic);
        if (!present(topic, key)) notify(new PresenceChange.Left(topic, key));
    }

    /** Replaces what an instance has with its full state, telling watchers the differences. */
    private void replace(Remote remote, Map<String, Map<String, String>> state) {
        for (var topic : List.copyOf(remote.topics.keySet())) {
            for (var key : List.copyOf(remote.topics.get(topic).keySet())) {
                if (!state.getOrDefault(topic, Map.of()).containsKey(key)) leave(remote, topic, key);
            }
        }
        state.forEach((topic, keys) -> keys.forEach((key, meta) -> join(remote, topic, key, meta)));
    }

    /** An instance gone: each of its members leaves where no other instance has it. */
    private void leaveAll(Map<String, Map<String, String>> topics) {
        topics.forEach((topic, keys) -> keys.keySet().forEach(key -> {
            if (!present(topic, key)) notify(new PresenceChange.Left(topic, key));
        }));
    }

    /** Says this instance is alive every heartbeat, and drops the instances that stopped saying so. */
    private void tick() {
        try {
            while (!closed) {
                Thread.sleep(HEARTBEAT_MILLIS);
                lock.lock();
                try {
                    expire();
                    announce("H", Long.toString(version));
                } finally {
                    lock.unlock();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void expire() {
        long now = System.nanoTime();
        for (var it = remotes.entrySet().iterator(); it.hasNext(); ) {
            var remote = it.next();
            if (now - remote.getValue().lastHeardNanos <= TIMEOUT_MILLIS * 1_000_000) continue;
            it.remove();
            LOG.info("instance {} was silent for {} ms; its members left", remote.getKey(), TIMEOUT_MILLIS);
            leaveAll(remote.getValue().topics);
        }
    }

    /** Sends this instance's whole state; the lock is held. */
    private void sendState() {
        var fields = new ArrayList<String>();
        fields.add(Long.toString(version));
        own.forEach((topic, keys) -> keys.forEach((key, local) -> {
            fields.add(topic);
            fields.add(key);
            fields.add(local.meta);
        }));
        announce("D", fields.toArray(String[]::new));
    }

    /** Sends an announcement; the lock is held, so announcements go out in the order made. */
    private void announce(String kind, String... fields) {
        if (out == null) return;
        var text = new StringBuilder(encode(instanceId)).append('\n').append(kind);
        boolean versioned = kind.equals("J") || kind.equals("L");
        if (versioned) text.append('\n').append(version);
        for (var field : fields) text.append('\n').append(encode(field));
        out.accept(text.toString());
    }

    /** Says goodbye, so the others drop this instance's members at once, and stops the heartbeat. */
    void close() {
        closed = true;
        lock.lock();
        try {
            announce("B");
        } finally {
            lock.unlock();
        }
        if (ticker != null) ticker.interrupt();
    }

    private static String encode(String field) {
        return URLEncoder.encode(field, StandardCharsets.UTF_8);
    }

    private static String decode(String field) {
        return URLDecoder.decode(field, StandardCharsets.UTF_8);
    }
}
