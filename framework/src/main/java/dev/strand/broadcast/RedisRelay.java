package dev.strand.broadcast;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.JedisPoolConfig;
import redis.clients.jedis.JedisPubSub;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.resps.StreamEntry;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.util.JedisURIHelper;

/**
 * The Redis side of a {@link Hub}: sends each local publish to Redis, and hands messages that
 * other instances published to the hub for local delivery.
 *
 * <p>Wire format: channel {@code prefix + topic}, payload {@code instanceId + "\n" + message} in
 * UTF-8. The relay subscribes to the pattern {@code prefix*} (glob characters in the prefix
 * escaped), skips payloads carrying its own instance id (the hub delivered those at publish time)
 * and ignores payloads without a line break (not from a Strand hub).
 *
 * <p>A topic with a history ({@link HistoryRule}) is kept in a Redis Stream,
 * {@code prefix + "history:" + topic}. Publishing runs one script that appends the message
 * ({@code XADD}, trimmed to about the rule's count and to its age, the key expiring with the age)
 * and publishes {@code "\n" + entryId + "\n" + message} on the topic's channel, atomically, so
 * the channel carries the stream's entries in stream order. Every instance, the publishing one
 * included, delivers them from the channel, so all deliver them in the same order, with the
 * stream's ids. After the subscriber reconnects, each topic with local subscribers is caught up
 * from its stream ({@code XRANGE}) after the last id it delivered. Reads for resuming
 * subscribers go through a small pool of connections of their own.
 *
 * <p>Presence announcements ({@link Presence}) travel on the channel
 * {@code prefix} followed by U+0000 and {@code presence}, which the pattern covers and no topic uses.
 *
 * <p>Two connections, each served by a platform (daemon) thread of its own, as is the
 * subscriber's heartbeat: virtual threads would wait for a carrier behind the app's handlers, and a
 * handler that never parks (a WebSocket publisher with messages waiting) would hold the relay,
 * and its reconnecting, up for as long as it runs. The publisher takes messages
 * from a bounded outbox and sends them, pipelined in batches, in outbox order, so messages from
 * one publishing thread arrive in order everywhere. The subscriber blocks in {@code PSUBSCRIBE}.
 * Each thread reconnects with {@link Backoff} when its connection fails; while the publisher's
 * connection is down, publishes are not queued (at-most-once). Both connections are pinged
 * every heartbeat, and the subscriber's times out after three heartbeats without traffic, so a
 * frozen server or a silently dropped connection is noticed too.
 */
final class RedisRelay {
    private static final Logger LOG = LoggerFactory.getLogger(RedisRelay.class);

    /** Messages waiting to go to Redis; more are dropped (for other instances only). */
    static final int OUTBOX_CAPACITY = 16_384;
    private static final int BATCH = 256;
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(5);

    private enum Link { PUBLISHER, SUBSCRIBER }

    /** What the publisher sends: a plain message, or a message appended to a topic's stream. */
    private sealed interface Outgoing {
    }

    private record Publish(String channel, String payload) implements Outgoing {
    }

    private record Append(String key, String channel, String message, int count, long maxAgeMillis) implements Outgoing {
    }

    /** What the relay hands its hub. */
    interface Receiver {
        /** A message from the relay: from another instance, or (with an id) from a topic's stream. */
        void deliver(String topic, String message, MessageId id);

        /** The subscriber connection is (back) up; deliveries may have been missed meanwhile. */
        void subscribed();
    }

    /**
     * Appends to the stream, trims it to about ARGV[1] entries and to those no older than ARGV[2]
     * ms by Redis's clock, lets it expire ARGV[2] ms after the last append, and publishes the
     * entry with its id: in one script, so the channel's order is the stream's.
     */
    private static final String APPEND_SCRIPT = """
            local id = redis.call('XADD', KEYS[1], 'MAXLEN', '~', ARGV[1], '*', 'm', ARGV[3])
            local now = redis.call('TIME')
            local oldest = tonumber(now[1]) * 1000 + math.floor(tonumber(now[2]) / 1000) - tonumber(ARGV[2])
            if oldest > 0 then redis.call('XTRIM', KEYS[1], 'MINID', oldest) end
            redis.call('PEXPIRE', KEYS[1], ARGV[2])
            redis.call('PUBLISH', ARGV[4], '\\n' .. id .. '\\n' .. ARGV[3])
            return id
            """;
    private static final int READERS = 8;
    private static final Duration READER_WAIT = Duration.ofSeconds(2);

    private final HostAndPort address;
    private final JedisClientConfig config;
    private final String prefix;
    private final String pattern;
    private final String instanceId;
    private final String ownMark;
    private final Duration heartbeat;
    private final int silenceMillis;
    private final Receiver receiver;
    private final Supplier<Presence> presenceSource;
    private final String presenceChannel;
    private final JedisPool readers;
    private volatile String appendSha;
    /** Called once each time the relay is up again after an outage, for the reconnect count. */
    private final Runnable reconnected;
    private final ArrayBlockingQueue<Outgoing> outbox = new ArrayBlockingQueue<>(OUTBOX_CAPACITY);

    private volatile boolean publisherConnected;
    private volatile boolean up;
    private final ReentrantLock stateLock = new ReentrantLock();
    private boolean publisherProven;
    private boolean subscriberProven;
    private boolean connectedOnce;
    private boolean inOutage;
    private long outageStartNanos;

    private volatile boolean closed;
    private volatile boolean overflowing;
    private volatile Jedis publisherConnection;
    private volatile Jedis subscriberConnection;
    private volatile Listener listening;
    private final List<Thread> threads = new ArrayList<>(2);

    /**
     * @param receiver gets each message from another instance or a stream, on the subscriber thread
     * @param presence gets the presence announcements, and is told when the connections come back
     * @param reconnected runs once each time the relay is up again after an outage
     * @throws IllegalArgumentException if {@code redisUrl} is not a Redis URL
     */
    RedisRelay(String redisUrl, String prefix, String instanceId, Duration heartbeat, Receiver receiver, Supplier<Presence> presence,
               Runnable reconnected) {
        var uri = parse(redisUrl);
        this.address = JedisURIHelper.getHostAndPort(uri);
        // Plain Jedis connections speak RESP2, which is all blocking pub/sub needs; asking for
        // RESP3 would only earn a warning per connection.
        this.config = DefaultJedisClientConfig.builder(uri).autoNegotiateProtocol(false).build();
        this.prefix = prefix;
        this.pattern = globEscape(prefix) + "*";
        this.instanceId = instanceId;
        this.ownMark = instanceId + "\n";
        this.heartbeat = heartbeat;
        this.silenceMillis = (int) Math.min(Integer.MAX_VALUE, 3 * heartbeat.toMillis());
        this.receiver = receiver;
        this.presenceSource = presence;
        this.reconnected = reconnected;
        this.presenceChannel = prefix + "\u0000presence";
        var pool = new JedisPoolConfig();
        pool.setMaxTotal(READERS);
        pool.setMaxWait(READER_WAIT);
        // An idle reader may date from before Redis restarted, and would fail its first command:
        // the catch-up after a reconnect, or a resume told of a gap it did not have. A PING on
        // each borrow costs one round trip on reads that are rare (resumes and reconnects).
        pool.setTestOnBorrow(true);
        this.readers = new JedisPool(pool, address, config);
    }

    void start() {
        threads.add(Thread.ofPlatform().daemon().name("strand-relay-publisher").start(this::runPublisher));
        threads.add(Thread.ofPlatform().daemon().name("strand-relay-subscriber").start(this::runSubscriber));
    }

    /** Queues a message for Redis without waiting; drops it while Redis is unreachable or the outbox is full. */
    void publish(String topic, String message) {
        if (publisherConnected) queue(new Publish(prefix + topic, ownMark + message));
    }

    /**
     * Queues a message for the topic's stream without waiting; returns {@code false} (the message
     * is dropped, for every instance this one included) while Redis is unreachable or the outbox
     * is full.
     */
    boolean append(String topic, String message, HistoryRule rule) {
        return publisherConnected && queue(new Append(streamKey(topic), prefix + topic, message, rule.count(), rule.maxAge().toMillis()));
    }

    /** Queues a presence announcement; dropped while Redis is unreachable (state is re-sent on return). */
    void announce(String text) {
        if (publisherConnected) queue(new Publish(presenceChannel, text));
    }

    private boolean queue(Outgoing outgoing) {
        if (outbox.offer(outgoing)) return true;
        if (!overflowing) {
            overflowing = true;
            LOG.warn("Redis relay to {} cannot keep up: {} messages wait to go out; until they are sent, new ones reach this instance only",
                    address, OUTBOX_CAPACITY);
        }
        return false;
    }

    /**
     * What a topic's stream holds after {@code after}, in one round trip on a reader connection;
     * a gap with the whole stream (a second round trip) when {@code after} is not in it. Blocks
     * for the round trips (each at most the 2 s socket timeout), plus up to 2 s waiting for a
     * free reader.
     *
     * @throws JedisException when Redis cannot be read
     */
    History.Replay replay(String topic, MessageId after) {
        var key = streamKey(topic);
        var from = new StreamEntryID(after.millis(), after.sequence());
        // the stream itself is bounded (the count, plus at most one of Redis's nodes, as trimming
        // is approximate), so reading all of it is too
        try (var jedis = readers.getResource()) {
            List<StreamEntry> found;
            List<StreamEntry> following;
            try (var pipeline = jedis.pipelined()) {
                var foundReply = pipeline.xrange(key, from, from, 1);
                var followingReply = pipeline.xrange(key, "(" + after, "+");
                pipeline.sync();
                found = foundReply.get();
                following = followingReply.get();
            }
            // a gap, rare, costs a second round trip for the whole stream
            return found.isEmpty() ? new History.Replay(true, messages(jedis.xrange(key, "-", "+"))) : new History.Replay(false, messages(following));
        }
    }

    /** What a topic's stream holds after {@code after}; for catching up after a reconnect. */
    List<Delivery.Message> after(String topic, MessageId after) {
        try (var jedis = readers.getResource()) {
            return messages(jedis.xrange(streamKey(topic), "(" + after, "+"));
        }
    }

    private static List<Delivery.Message> messages(List<StreamEntry> entries) {
        var messages = new ArrayList<Delivery.Message>(entries.size());
        for (var entry : entries) {
            var text = entry.getFields().get("m");
            if (text != null) messages.add(new Delivery.Message(text, new MessageId(entry.getID().getTime(), entry.getID().getSequence())));
        }
        return messages;
    }

    private Presence presence() {
        return presenceSource.get();
    }

    private String streamKey(String topic) {
        return prefix + "history:" + topic;
    }

    /** Whether both connections have answered since the last failure of either. */
    boolean up() {
        return up;
    }

    /** Stops both threads and closes both connections, waiting up to 5 s for the threads to end. */
    void close() {
        closed = true;
        publisherConnected = false;
        up = false;
        // Interrupting wakes the outbox wait and the backoff sleeps; the forced disconnects wake a
        // thread blocked in a socket read.
        threads.forEach(Thread::interrupt);
        var listener = listening;
        if (listener != null) listener.stop();
        forceDisconnect(publisherConnection);
        forceDisconnect(subscriberConnection);
        readers.close();
        long deadline = System.nanoTime() + CLOSE_WAIT.toNanos();
        try {
            for (var thread : threads) {
                if (!thread.join(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())))) {
                    LOG.warn("{} did not stop within {}", thread.getName(), CLOSE_WAIT);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---- publisher ----------------------------------------------------------------------

    private void runPublisher() {
        connecting(Link.PUBLISHER, (jedis, backoff) -> {
            publisherConnection = jedis;
            jedis.ping();
            appendSha = jedis.scriptLoad(APPEND_SCRIPT);
            backoff.reset();
            publisherConnected = true;
            proven(Link.PUBLISHER);
            presence().publisherConnected();
            pump(jedis);
            return null;
        }, () -> {
            publisherConnected = false;
            // what was waiting for the lost connection is dropped, like what is published until it is back
            outbox.clear();
            overflowing = false;
        });
    }

    /** Sends what the outbox holds and pings every heartbeat; returns when closed, throws when the connection fails. */
    private void pump(Jedis jedis) throws InterruptedException {
        var batch = new ArrayList<Outgoing>(BATCH);
        long heartbeatNanos = heartbeat.toNanos();
        long nextPing = System.nanoTime() + heartbeatNanos;
        while (!closed) {
            var first = outbox.poll(nextPing - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (first != null) {
                batch.add(first);
                outbox.drainTo(batch, BATCH - 1);
                send(jedis, batch);
                proven(Link.PUBLISHER);
                batch.clear();
                if (overflowing && outbox.isEmpty()) overflowing = false;
            }
            if (System.nanoTime() - nextPing >= 0) {
                jedis.ping();
                proven(Link.PUBLISHER);
                nextPing = System.nanoTime() + heartbeatNanos;
            }
        }
    }

    private void send(Jedis jedis, List<Outgoing> batch) {
        try (var pipeline = jedis.pipelined()) {
            for (var m : batch) {
                switch (m) {
                    case Publish(var channel, var payload) -> pipeline.publish(channel, payload);
                    case Append(var key, var channel, var message, var count, var maxAge) -> pipeline.evalsha(appendSha,
                            List.of(key), List.of(Integer.toString(count), Long.toString(maxAge), message, channel));
                }
            }
            pipeline.sync();
        }
    }

    // ---- subscriber ---------------------------------------------------------------------

    private void runSubscriber() {
        connecting(Link.SUBSCRIBER, (jedis, backoff) -> {
            subscriberConnection = jedis;
            var listener = new Listener(jedis, backoff);
            try {
                jedis.psubscribe(listener, pattern);
                return new JedisException("the subscription ended");
            } finally {
                listener.stop();
            }
        }, () -> {});
    }

    /** What a link does with one connection: returns {@code null} when the relay closes, else why the connection ended. */
    @FunctionalInterface
    private interface Connected {
        RuntimeException use(Jedis jedis, Backoff backoff) throws InterruptedException;
    }

    /**
     * Runs a link until the relay closes: connects, hands the connection to {@code connected}, and
     * when that connection fails runs {@code lost}, waits out the backoff and connects again.
     */
    private void connecting(Link link, Connected connected, Runnable lost) {
        var backoff = new Backoff();
        while (!closed) {
            RuntimeException failure;
            try (var jedis = new Jedis(address, config)) {
                failure = connected.use(jedis, backoff);
                if (failure == null) return;
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                failure = e;
            }
            lost.run();
            if (!recover(link, failure, backoff)) return;
        }
    }

    /** Records a failed connection and waits out the backoff; returns {@code false} when the relay is closing instead. */
    private boolean recover(Link link, RuntimeException failure, Backoff backoff) {
        if (closed) return false;
        linkDown(link, failure);
        try {
            backoff.pause();
            return !closed;
        } catch (InterruptedException e) {
            return false;
        }
    }

    /**
     * Receives on the subscriber's thread, and pings on a heartbeat thread of its own so the
     * connection sees traffic while the topics are quiet. The heartbeat is the only writer once
     * the pattern is subscribed; it stops before the connection closes, because a Jedis send on a
     * closed connection would quietly open a new one.
     */
    private final class Listener extends JedisPubSub {
        private final Jedis jedis;
        private final Backoff backoff;
        private final ReentrantLock writing = new ReentrantLock();
        private boolean stopped;
        private volatile Thread heartbeatThread;

        Listener(Jedis jedis, Backoff backoff) {
            this.jedis = jedis;
            this.backoff = backoff;
        }

        @Override
        public void onPSubscribe(String subscribedPattern, int subscribedCount) {
            // Jedis subscribes without a read timeout; from here on, silence longer than three
            // heartbeats (each answered by a pong) means the connection is gone.
            jedis.getClient().setSoTimeout(silenceMillis);
            backoff.reset();
            listening = this;
            // close() may have run before listening was set, and then cannot stop this heartbeat
            if (closed) return;
            heartbeatThread = Thread.ofPlatform().daemon().name("strand-relay-heartbeat").start(this::beat);
            proven(Link.SUBSCRIBER);
            presence().subscriberConnected();
            try {
                receiver.subscribed();
            } catch (JedisException e) {
                LOG.warn("Redis relay to {} could not catch the topics with history up after reconnecting: {}", address, describe(e));
            }
        }

        @Override
        public void onPong(String argument) {
            proven(Link.SUBSCRIBER);
        }

        @Override
        public void onPMessage(String subscribedPattern, String channel, String payload) {
            if (channel.equals(presenceChannel)) {
                presence().receive(payload);
                return;
            }
            int mark = payload.indexOf('\n');
            if (mark < 0 || payload.startsWith(ownMark) || !channel.startsWith(prefix)) return;
            var topic = channel.substring(prefix.length());
            if (mark > 0) {
                receiver.deliver(topic, payload.substring(mark + 1), null);
                return;
            }
            int end = payload.indexOf('\n', 1);
            if (end < 0) return;
            MessageId id;
            try {
                id = MessageId.valueOf(payload.substring(1, end));
            } catch (IllegalArgumentException e) {
                return;
            }
            receiver.deliver(topic, payload.substring(end + 1), id);
        }

        private void beat() {
            try {
                while (true) {
                    Thread.sleep(heartbeat);
                    writing.lock();
                    try {
                        if (stopped) return;
                        ping();
                    } finally {
                        writing.unlock();
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (JedisException e) {
                LOG.debug("heartbeat on the subscriber connection failed; its thread reconnects", e);
            }
        }

        /** Ends the heartbeat; no ping starts after this returns. */
        void stop() {
            writing.lock();
            try {
                stopped = true;
            } finally {
                writing.unlock();
            }
            var beating = heartbeatThread;
            if (beating != null) beating.interrupt();
        }
    }

    // ---- state and its log --------------------------------------------------------------

    /**
     * Records that a connection just answered. The relay is up once both have answered since the
     * last failure of either: after Redis restarts, the connection that has not noticed yet must
     * not count.
     */
    private void proven(Link link) {
        if (up) return;
        stateLock.lock();
        try {
            if (link == Link.PUBLISHER) publisherProven = true;
            else subscriberProven = true;
            if (!publisherProven || !subscriberProven || closed) return;
            up = true;
            if (inOutage) {
                long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - outageStartNanos);
                LOG.info("Redis relay to {} is back after {} s; messages reach other instances again", address, seconds);
                inOutage = false;
                reconnected.run();
            } else if (!connectedOnce) {
                LOG.info("Redis relay connected to {} as instance {}", address, instanceId);
            }
            connectedOnce = true;
        } finally {
            stateLock.unlock();
        }
    }

    /**
     * Records a failed connection; both must answer again before the relay is up. Logs only the
     * first failure of an outage (before any connection, the first one starts an outage too).
     */
    private void linkDown(Link link, RuntimeException cause) {
        stateLock.lock();
        try {
            up = false;
            publisherProven = false;
            subscriberProven = false;
            if (inOutage) return;
            inOutage = true;
            outageStartNanos = System.nanoTime();
            LOG.warn("Redis relay to {} {} ({} connection: {}); local delivery goes on, and messages published until it is back reach this instance only",
                    address, connectedOnce ? "lost" : "cannot connect", link.name().toLowerCase(Locale.ROOT), describe(cause));
        } finally {
            stateLock.unlock();
        }
        if (!(cause instanceof JedisException)) LOG.error("Redis relay failed unexpectedly; it reconnects", cause);
    }

    private static String describe(Throwable e) {
        var text = new StringBuilder(String.valueOf(e.getMessage()));
        for (var cause = e.getCause(); cause != null; cause = cause.getCause()) {
            // Jedis often repeats its cause's message; say each thing once
            var message = cause.getMessage();
            if (message != null && text.indexOf(message) < 0) text.append(": ").append(message);
        }
        return text.toString();
    }

    private static void forceDisconnect(Jedis jedis) {
        if (jedis == null) return;
        try {
            jedis.getClient().forceDisconnect();
        } catch (IOException e) {
            LOG.debug("closing a Redis connection failed; it is dropped anyway", e);
        }
    }

    private static URI parse(String redisUrl) {
        URI uri;
        try {
            uri = URI.create(redisUrl);
        } catch (IllegalArgumentException e) {
            throw notRedis();
        }
        if (!JedisURIHelper.isValid(uri) || !(JedisURIHelper.isRedisScheme(uri) || JedisURIHelper.isRedisSSLScheme(uri))) throw notRedis();
        return uri;
    }

    /** Says what is wrong without echoing the URL, which may hold a password. */
    private static IllegalArgumentException notRedis() {
        return new IllegalArgumentException("not a Redis URL; expected redis://[user:password@]host:port[/db] or rediss://...");
    }

    /** Escapes Redis glob characters so the prefix matches only itself. */
    private static String globEscape(String text) {
        var escaped = new StringBuilder(text.length() + 4);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '*' || c == '?' || c == '[' || c == ']' || c == '\\') escaped.append('\\');
            escaped.append(c);
        }
        return escaped.toString();
    }
}
