package dev.strand.broadcast;

import dev.strand.Context;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

/**
 * A broadcast hub: named topics (rooms) that many publishers send text messages to and many
 * subscribers receive from. A topic exists while it has subscribers: the first
 * {@link #subscribe(String) subscribe} makes it, the last subscriber's leaving removes it.
 *
 * {@snippet :
 * Hub hub = Hub.inProcess();                        // or Hub.redis("redis://localhost:6379")
 *
 * @Ws("/chat/{room}")
 * void chat(Context ctx) {
 *     var room = ctx.pathParam("room");
 *     try (var me = hub.forward(ctx, room)) {                  // deliveries go to this socket
 *         for (WsMessage msg; (msg = ctx.receive()) != null; ) {
 *             if (msg instanceof WsMessage.Text(var text)) hub.publish(room, text, me);   // to everyone else
 *         }
 *     }
 * }
 * }
 *
 * <p><b>Delivery.</b> {@link #publish(String, String) publish} never waits for subscribers: each
 * has a bounded buffer, and one that falls behind loses its oldest messages and is told how many
 * ({@link Delivery.Lagged}); the publisher and the other subscribers go on at full speed. Messages
 * from one publishing thread reach each subscriber in the order published; messages of
 * concurrent publishers may interleave differently for different subscribers.
 *
 * <p><b>Messages are text</b> (typically JSON the application wrote): the same type works in one
 * process and across instances, and is what WebSocket text frames and SSE events carry.
 *
 * <p><b>Across instances.</b> With a Redis URL, every publish also goes through Redis pub/sub to
 * the hubs of the other instances, which deliver it to their local subscribers once each; an
 * instance delivers its own messages locally at publish time and ignores their echo. The relay
 * is at-most-once: it never blocks a publisher, and a message published while Redis is
 * unreachable (or while more than 16,384 wait to go out) reaches local subscribers only. It
 * reconnects by itself, 100 ms doubling up to 5 s between attempts, and logs one WARN when an
 * outage starts and one INFO when it ends. The relay needs {@code redis.clients:jedis} on the
 * class path.
 *
 * <p><b>Operations.</b> Given to {@code Strand.Builder.hub(name, hub)}, a hub's topics,
 * subscribers, published, delivered and dropped messages and its relay's state are metrics
 * (when they are on), and a Redis hub's relay being down makes the server's readiness 503.
 *
 * <p>All methods are safe from any thread.
 */
public final class Hub implements AutoCloseable {
    /** Default per-subscriber buffer: room for a burst without holding much for idle subscribers. */
    public static final int DEFAULT_CAPACITY = 256;

    private final ConcurrentHashMap<String, Topic> topics = new ConcurrentHashMap<>();
    private final int defaultCapacity;
    private final RedisRelay relay;
    private volatile boolean closed;
    private volatile HubMetrics metrics = HubMetrics.NONE;

    private Hub(Builder b) {
        this.defaultCapacity = b.capacity;
        this.relay = b.redisUrl == null ? null
                : new RedisRelay(b.redisUrl, b.channelPrefix, b.instanceId, b.heartbeat, (topic, text) -> deliver(topic, text, null), () -> metrics.relayReconnected());
        if (relay != null) relay.start();
    }

    /**
     * A hub for one process, with {@link #DEFAULT_CAPACITY} per subscriber.
     *
     * @return a new hub; close it when the app stops
     */
    public static Hub inProcess() {
        return builder().build();
    }

    /**
     * A hub that also relays through the Redis server at {@code redisUrl}
     * ({@code redis://[user:password@]host:port[/db]}, or {@code rediss://} for TLS). Returns at
     * once; the relay connects in the background ({@link #relayUp()}).
     *
     * @param redisUrl the Redis server, {@code redis://host:port}
     * @return a new hub relaying through that server; close it when the app stops
     * @throws IllegalArgumentException if the URL is not a Redis URL
     * @throws IllegalStateException if Jedis is not on the class path
     */
    public static Hub redis(String redisUrl) {
        return builder().redis(redisUrl).build();
    }

    /**
     * A builder for a hub with other options.
     *
     * @return a builder with every option at its default
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Sends a message to every subscriber of the topic, on this instance and (with Redis) on the
     * others. Never waits for subscribers or for Redis.
     *
     * @param topic   the topic (room) name
     * @param message the text every subscriber gets, typically JSON
     * @return how many subscribers on this instance it was buffered or sent for: 0 when the topic has none
     *         here, and after {@link #close()}
     */
    public int publish(String topic, String message) {
        return publish(topic, message, null);
    }

    /**
     * Sends a message to every subscriber of the topic except {@code except}, typically the
     * sender's own subscription so it does not hear itself.
     *
     * @param topic   the topic (room) name
     * @param message the text every other subscriber gets
     * @param except a subscription to skip, or {@code null}
     * @return how many subscribers on this instance it was buffered or sent for
     */
    public int publish(String topic, String message, Subscription except) {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(message, "message");
        if (closed) return 0;
        metrics.published();
        int delivered = deliver(topic, message, except);
        if (relay != null) relay.publish(topic, message);
        return delivered;
    }

    /**
     * Joins a topic with the hub's default capacity; see {@link #subscribe(String, int)}.
     *
     * @param topic the topic (room) name
     * @return the subscription; close it to leave
     */
    public Subscription subscribe(String topic) {
        return subscribe(topic, defaultCapacity);
    }

    /**
     * Joins a topic, making it if needed. The subscription receives what is published from now
     * on, until it is closed.
     *
     * @param topic the topic (room) name
     * @param capacity how many undelivered messages it keeps before dropping the oldest
     * @return the subscription; close it to leave
     * @throws IllegalStateException after {@link #close()}
     */
    public Subscription subscribe(String topic, int capacity) {
        return subscribe(topic, capacity, null);
    }

    private Subscription subscribe(String topic, int capacity, DirectSink sink) {
        Objects.requireNonNull(topic, "topic");
        if (capacity < 1) throw new IllegalArgumentException("capacity must be at least 1, not " + capacity);
        if (closed) throw closedHub();
        var subscription = new Subscription(topic, capacity, this, sink);
        topics.compute(topic, (name, t) -> {
            var joined = t == null ? new Topic() : t;
            joined.add(subscription);
            return joined;
        });
        // close() may have swept the topics between the check above and the join
        if (closed) {
            subscription.close();
            throw closedHub();
        }
        return subscription;
    }

    /**
     * How many subscribers the topic has on this instance now: for presence ("3 people here").
     *
     * @param topic the topic (room) name
     * @return 0 when the topic has no subscriber here
     */
    public int subscriberCount(String topic) {
        var t = topics.get(topic);
        return t == null ? 0 : t.subscribers().length;
    }

    /**
     * The topics with subscribers on this instance now, as a snapshot.
     *
     * @return an immutable set; empty when there are none
     */
    public Set<String> topics() {
        return Set.copyOf(topics.keySet());
    }

    /**
     * Joins a connection to a topic: each message is sent to it with {@link Context#sendText}
     * (a WebSocket text message, which may go out alongside the handler's own sends; a chunk of
     * a streamed response). See {@link #forward(Context, Subscription, BiConsumer)}.
     *
     * <p>To a WebSocket, each message goes straight from the publishing thread into the
     * connection's outbound buffer: a WebSocket send only queues, so the publisher still never
     * waits, and no thread is woken per subscriber and message. Such a subscription never lags in
     * the hub; a peer that reads too slowly is closed with 1013 once its outbound buffer
     * overflows, and leaves the topic. Other connections get a virtual thread that forwards.
     *
     * @param ctx   the connection, on its handler's thread
     * @param topic the topic (room) name
     * @return the subscription, to close early or to skip in {@link #publish(String, String, Subscription)}
     */
    public Subscription forward(Context ctx, String topic) {
        if (ctx.kind() == Context.Kind.WEBSOCKET) {
            var subscription = subscribe(topic, 1, new DirectSink(ctx));
            ctx.onClose(subscription::close);
            return subscription;
        }
        return forward(ctx, subscribe(topic), Context::sendText);
    }

    /**
     * Joins a connection to a topic, sending each message with {@code send}, e.g. as an SSE event:
     * {@snippet :
     * hub.forward(ctx, "ticks", (c, text) -> c.sendText("data: " + text + "\n\n"));
     * }
     * See {@link #forward(Context, Subscription, BiConsumer)}.
     *
     * @param ctx   the connection, on its handler's thread
     * @param topic the topic (room) name
     * @param send  sends one message to the connection; may block
     * @return the subscription, to close early or to skip in {@link #publish(String, String, Subscription)}
     */
    public Subscription forward(Context ctx, String topic, BiConsumer<Context, String> send) {
        return forward(ctx, subscribe(topic), send);
    }

    /**
     * Sends a subscription's messages to a connection, one at a time, on a virtual thread of its
     * own, until the connection ends or the subscription is closed; then the subscription is
     * closed and leaves its topic. Returns at once. Call it on the handler's thread.
     *
     * <p>The connection's end is noticed through {@link Context#onClose}, and a send failing
     * with {@link dev.strand.ClosedException} ends forwarding quietly; any other exception from
     * {@code send} ends it with a WARN log. Messages dropped because the connection fell behind
     * are skipped; read the subscription yourself to react to {@link Delivery.Lagged}.
     *
     * <p>The handler keeps the connection open: a WebSocket handler reads its own messages
     * meanwhile, an SSE or streaming handler can wait with {@link Subscription#awaitClosed()}.
     *
     * @param ctx  the connection, on its handler's thread
     * @param send sends one message to the connection; may block
     * @param subscription from {@link #subscribe(String, int)} of this hub, not yet read by anyone
     * @return {@code subscription}, to close early or to skip in {@link #publish(String, String, Subscription)}
     */
    public Subscription forward(Context ctx, Subscription subscription, BiConsumer<Context, String> send) {
        Objects.requireNonNull(ctx, "ctx");
        Objects.requireNonNull(send, "send");
        Forwarder.start(ctx, subscription, send);
        return subscription;
    }

    /**
     * Whether messages currently reach other instances: {@code true} once both Redis connections
     * (publishing and subscribed) have answered since the last failure of either; {@code false}
     * during an outage, before the relay first connects, after {@link #close()}, and always for
     * an in-process hub. For readiness checks.
     *
     * @return whether the Redis relay is connected both ways now
     */
    public boolean relayUp() {
        return relay != null && !closed && relay.up();
    }

    /**
     * Whether this hub relays through Redis, that is, was made with a Redis URL.
     *
     * @return {@code true} for a Redis hub, even while the relay is down; {@code false} for an in-process hub
     */
    public boolean relays() {
        return relay != null;
    }

    /**
     * How many subscribers all topics have on this instance now; for a gauge.
     *
     * @return the sum of {@link #subscriberCount(String)} over {@link #topics()}
     */
    public int subscriberCount() {
        int count = 0;
        for (var topic : topics.values()) count += topic.subscribers().length;
        return count;
    }

    /**
     * Reports this hub's activity to {@code metrics} from now on, replacing what was installed
     * before; {@link HubMetrics#NONE} stops reporting. Strand calls this for the hub given to
     * {@code Strand.Builder.hub(Hub)} when metrics are on.
     *
     * @param metrics what the hub reports to; its methods are called from publishing and relay threads
     */
    public void metrics(HubMetrics metrics) {
        this.metrics = Objects.requireNonNull(metrics, "metrics");
    }

    /**
     * Closes every subscription (waiting readers get {@code null}) and stops the relay, waiting up
     * to 5 s for its threads to end. Afterwards {@code publish} returns 0 and {@code subscribe}
     * throws. Safe to call more than once.
     */
    @Override
    public void close() {
        if (closed) return;
        closed = true;
        for (var topic : topics.values()) {
            for (var subscription : topic.subscribers()) subscription.close();
        }
        if (relay != null) relay.close();
    }

    /** Buffers a message for the local subscribers; returns how many took it. */
    private int deliver(String topic, String message, Subscription except) {
        var t = topics.get(topic);
        int delivered = 0;
        if (t != null) {
            for (var subscription : t.subscribers()) {
                if (subscription != except && subscription.offer(message)) delivered++;
            }
        }
        metrics.delivered(delivered);
        return delivered;
    }

    /** The metrics installed now, for subscriptions to report what they drop. */
    HubMetrics metrics() {
        return metrics;
    }

    /** Removes a closed subscription from its topic, and the topic when it was the last. */
    void leave(Subscription subscription) {
        topics.computeIfPresent(subscription.topic(), (name, t) -> t.remove(subscription) ? null : t);
    }

    private static IllegalStateException closedHub() {
        return new IllegalStateException("the hub is closed; make a new one to subscribe again");
    }

    /** Options for a {@link Hub}; every setter states its default. */
    public static final class Builder {
        private int capacity = DEFAULT_CAPACITY;
        private String redisUrl;
        private String channelPrefix = "strand:";
        private String instanceId = UUID.randomUUID().toString();
        private Duration heartbeat = Duration.ofSeconds(5);

        private Builder() {
        }

        /**
         * Buffer size of a subscription made without one; {@link #DEFAULT_CAPACITY} unless set.
         *
         * @param capacity messages per subscription, at least 1
         * @return this builder
         */
        public Builder capacity(int capacity) {
            if (capacity < 1) throw new IllegalArgumentException("capacity must be at least 1, not " + capacity);
            this.capacity = capacity;
            return this;
        }

        /**
         * Relays through this Redis server ({@code redis://host:port}); none unless set.
         *
         * @param redisUrl {@code redis://host:port}
         * @return this builder
         */
        public Builder redis(String redisUrl) {
            this.redisUrl = Objects.requireNonNull(redisUrl, "redisUrl");
            return this;
        }

        /**
         * Prefix of the Redis channels, one per topic ({@code prefix + topic}); {@code "strand:"}
         * unless set. Hubs that should share rooms use the same prefix.
         *
         * @param prefix put before each topic name to make its Redis channel
         * @return this builder
         */
        public Builder channelPrefix(String prefix) {
            this.channelPrefix = Objects.requireNonNull(prefix, "prefix");
            return this;
        }

        /**
         * This instance's name in relayed messages, by which it recognises and skips its own; a
         * random UUID unless set. Must differ between instances and must not contain a line break.
         *
         * @param id this instance's name on the relay
         * @return this builder
         */
        public Builder instanceId(String id) {
            if (id.isEmpty() || id.indexOf('\n') >= 0) throw new IllegalArgumentException("instance id must be non-empty and on one line: " + id);
            this.instanceId = id;
            return this;
        }

        /**
         * How often the relay pings Redis while idle; a connection silent for three of these is
         * taken as lost, so a frozen server or a dropped idle connection is noticed. 5 s unless set.
         *
         * @param interval the ping interval; three of them without an answer mean the connection is lost
         * @return this builder
         */
        public Builder heartbeat(Duration interval) {
            if (interval.isNegative() || interval.isZero()) throw new IllegalArgumentException("heartbeat must be positive: " + interval);
            this.heartbeat = interval;
            return this;
        }

        /**
         * Makes the hub; with Redis, starts the relay's threads.
         *
         * @return the hub, its relay (if any) starting
         * @throws IllegalArgumentException if the Redis URL is not one
         * @throws IllegalStateException if a Redis URL is set and Jedis is not on the class path
         */
        public Hub build() {
            if (redisUrl != null) requireJedis();
            return new Hub(this);
        }

        /** Fails clearly here rather than with a NoClassDefFoundError from a relay thread. */
        private static void requireJedis() {
            try {
                Class.forName("redis.clients.jedis.Jedis", false, Hub.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("a Redis hub needs Jedis: add the dependency redis.clients:jedis (8.x) to the application", e);
            }
        }
    }
}
