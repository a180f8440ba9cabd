package dev.strand.broadcast;

import dev.strand.Context;
import dev.strand.HttpException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
 * class path. A topic with a history goes through a Redis Stream instead: every instance, this
 * one included, delivers its messages from Redis in the stream's order with the stream's ids,
 * and catches up from the stream after its subscription to Redis comes back; a message
 * published while Redis is unreachable reaches no one.
 *
 * <p><b>History and resuming.</b> Topics named in {@link Builder#history} keep their recent
 * messages, each with a {@link MessageId} ordered within the topic. A subscriber can resume after
 * an id ({@link #subscribe(String, MessageId)}): it gets what came after that id, then the live
 * messages, none twice and none missing at the seam; or, when the id is no longer in the
 * history, a {@link Delivery.Gap} first. {@link #forward(Context, String)} does this for a
 * WebSocket whose client sends the last id it saw, and {@link #stream} for an SSE stream.
 *
 * <p><b>Operations.</b> Given to {@code Strand.Builder.hub(name, hub)}, a hub's topics,
 * subscribers, published, delivered and dropped messages and its relay's state are metrics
 * (when they are on), and a Redis hub's relay being down makes the server's readiness 503.
 *
 * <p>All methods are safe from any thread.
 */
public final class Hub implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Hub.class);
    /** Default per-subscriber buffer: room for a burst without holding much for idle subscribers. */
    public static final int DEFAULT_CAPACITY = 256;
    private static final Duration SWEEP_INTERVAL = Duration.ofSeconds(1);

    private final ConcurrentHashMap<String, Topic> topics = new ConcurrentHashMap<>();
    private final int defaultCapacity;
    private final List<HistoryRule> historyRules;
    /** In-process histories by topic; without Redis only. An empty one is swept away. */
    private final ConcurrentHashMap<String, History> histories = new ConcurrentHashMap<>();
    private final RedisRelay relay;
    private final Presence presence;
    private final Thread sweeper;
    private volatile boolean closed;
    private volatile HubMetrics metrics = HubMetrics.NONE;

    private Hub(Builder b) {
        this.defaultCapacity = b.capacity;
        this.historyRules = List.copyOf(b.historyRules);
        this.relay = b.redisUrl == null ? null
                : new RedisRelay(b.redisUrl, b.channelPrefix, b.instanceId, b.heartbeat, new FromRelay(), this::presence,
                        () -> metrics.relayReconnected());
        this.presence = new Presence(b.instanceId, relay == null ? null : relay::announce);
        if (relay != null) relay.start();
        this.sweeper = relay == null && !historyRules.isEmpty() ? Thread.ofVirtual().name("strand-history-sweeper").start(this::sweepHistories) : null;
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
     * @param except a subscription to skip, or {@code null}; on a topic with a history in Redis,
     *               where every instance delivers from Redis, it is not skipped
     * @return how many subscribers on this instance it was buffered or sent for; on a topic with
     *         a history in Redis, how many there are now (it reaches them from Redis), or 0 when
     *         it was dropped because Redis is unreachable
     */
    public int publish(String topic, String message, Subscription except) {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(message, "message");
        if (closed) return 0;
        metrics.published();
        var rule = historyRule(topic);
        if (rule != null && relay != null) return relay.append(topic, message, rule) ? subscriberCount(topic) : 0;
        if (rule != null) return record(topic, message, except, rule);
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

    /**
     * Joins a topic that keeps a history, resuming after {@code after}: the subscription first
     * receives the messages the history holds after that id, then the live ones, each once and
     * in id order. When {@code after} is no longer in the history (or is from elsewhere), it
     * first receives a {@link Delivery.Gap}, then the whole history, then the live messages.
     * Reads the history before it returns: in one process at once, with Redis in one round trip
     * (two for a gap); when Redis cannot be read, the subscription gets a gap and the live messages.
     *
     * @param topic the topic (room) name
     * @param after the id of the last message the subscriber has; {@code null} for the live messages only
     * @return the subscription, with the hub's default capacity for live messages (the replay
     *         comes on top); close it to leave
     * @throws IllegalArgumentException if the topic keeps no history and {@code after} is not {@code null}
     * @throws IllegalStateException after {@link #close()}
     */
    public Subscription subscribe(String topic, MessageId after) {
        return subscribe(topic, defaultCapacity, null, after);
    }

    private Subscription subscribe(String topic, int capacity, DirectSink sink) {
        return subscribe(topic, capacity, sink, null);
    }

    private Subscription subscribe(String topic, int capacity, DirectSink sink, MessageId after) {
        Objects.requireNonNull(topic, "topic");
        if (capacity < 1) throw new IllegalArgumentException("capacity must be at least 1, not " + capacity);
        if (closed) throw closedHub();
        var rule = historyRule(topic);
        if (after != null && rule == null) throw new IllegalArgumentException("topic " + topic + " keeps no history to resume from; name it in Hub.Builder.history");
        var subscription = new Subscription(topic, capacity, this, sink);
        if (rule == null || after == null) return join(subscription);
        if (relay != null) return resumeFromStream(join(subscription), after);
        var history = lockedHistory(topic, rule);
        try {
            var replay = history.after(after, System.currentTimeMillis());
            subscription.resume(replay.gap(), replay.messages(), after);
            return join(subscription);
        } finally {
            history.lock.unlock();
        }
    }

    /**
     * Resumes a subscription already taking live messages from the topic's Redis Stream; the
     * subscription skips the live ones the replay holds. When Redis cannot be read, a gap.
     */
    private Subscription resumeFromStream(Subscription subscription, MessageId after) {
        History.Replay replay;
        try {
            replay = relay.replay(subscription.topic(), after);
        } catch (RuntimeException e) {
            LOG.warn("could not read the history of topic {} from Redis; the subscriber is told of a gap: {}", subscription.topic(), e.toString());
            replay = new History.Replay(true, List.of());
        }
        subscription.resume(replay.gap(), replay.messages(), after);
        return subscription;
    }

    private Subscription join(Subscription subscription) {
        var topic = subscription.topic();
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
     * <p>On a topic with a history, a WebSocket whose client sent {@code lastEventId} (as
     * {@code /strand.js} does) gets its messages framed with their ids, after what it missed.
     *
     * @param ctx   the connection, on its handler's thread
     * @param topic the topic (room) name
     * @return the subscription, to close early or to skip in {@link #publish(String, String, Subscription)}
     * @throws HttpException 400 when a WebSocket's {@code lastEventId} is not a message id; thrown
     *         on, it closes the socket with 1008 and says so, before the handler does anything
     *         more (announces the member, say)
     */
    public Subscription forward(Context ctx, String topic) {
        var resume = ctx.kind() == Context.Kind.WEBSOCKET && historyRule(topic) != null ? ctx.resumeFrom() : Optional.<String>empty();
        if (resume.isPresent()) return forwardResuming(ctx, topic, resume.get());
        if (ctx.kind() == Context.Kind.WEBSOCKET) {
            var subscription = subscribe(topic, 1, new DirectSink(ctx));
            ctx.onClose(subscription::close);
            return subscription;
        }
        return forward(ctx, subscribe(topic), Context::sendText);
    }

    /**
     * Resumes a WebSocket whose client asked for ids: messages go out framed with their ids
     * ({@link ResumeFormat}), after the history since the client's last id. A malformed id is a
     * 400, which the WebSocket's loop turns into a close with 1008 and this reason.
     */
    private Subscription forwardResuming(Context ctx, String topic, String lastEventId) {
        MessageId after;
        try {
            after = lastEventId.isEmpty() ? null : MessageId.valueOf(lastEventId);
        } catch (IllegalArgumentException e) {
            throw new HttpException(400, "lastEventId is not a message id; send the id of the last message received");
        }
        var subscription = subscribe(topic, defaultCapacity, null, after);
        Forwarder.start(ctx, subscription, ResumeFormat::webSocket);
        return subscription;
    }

    /**
     * Streams a topic to an {@code @Sse} connection until either ends, resuming after
     * {@code after}: each message goes out as an event whose {@code id:} is its
     * {@link MessageId}, so a reconnecting browser's {@code Last-Event-ID} names where to resume.
     * A handler parameter of type {@code MessageId} without annotation is that resume point
     * ({@link Context#resumeFrom()}: the header, or the {@code lastEventId} query parameter that
     * {@code /strand.js} sends when it opens a new stream), and a malformed one is refused with
     * 400 before the stream starts:
     * {@snippet :
     * @Sse("/sse/ticker")
     * void ticker(Context ctx, MessageId after) throws InterruptedException {
     *     hub.stream(ctx, "ticker", after);
     * }
     * }
     * When {@code after} is no longer in the history, the stream gets an event named {@code gap}
     * (empty data) and then the whole history. A stream that falls behind by more than the hub's
     * capacity is ended, so that the browser reconnects and resumes from the history without a
     * hole. Blocks until the stream or the subscription ends; call it on the handler's thread.
     *
     * @param ctx   the SSE connection, on its handler's thread
     * @param topic the topic; it must keep a history ({@link Builder#history})
     * @param after the last id the client has, or {@code null} to start with the live messages
     * @throws IllegalArgumentException if the topic keeps no history
     * @throws IllegalStateException if {@code ctx} is not an SSE stream
     * @throws InterruptedException if the handler's thread is interrupted
     */
    public void stream(Context ctx, String topic, MessageId after) throws InterruptedException {
        if (ctx.kind() != Context.Kind.SSE) throw new IllegalStateException("Hub.stream serves @Sse routes; use forward on a " + ctx.kind());
        if (historyRule(topic) == null) throw new IllegalArgumentException("topic " + topic + " keeps no history to stream with ids; name it in Hub.Builder.history");
        var subscription = subscribe(topic, defaultCapacity, null, after);
        Forwarder.start(ctx, subscription, ResumeFormat::sse);
        subscription.awaitClosed();
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
     * Who is in each topic, on every instance: track connections, list members, watch joins and
     * leaves. With Redis, across instances; see {@link Presence} for the bounds.
     *
     * @return this hub's presence
     */
    public Presence presence() {
        return presence;
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
        presence.close();
        if (relay != null) relay.close();
        if (sweeper != null) sweeper.interrupt();
    }

    /** Buffers a message for the local subscribers; returns how many took it. */
    private int deliver(String topic, String message, Subscription except) {
        return deliver(topic, new Delivery.Message(message), except);
    }

    private int deliver(String topic, Delivery.Message message, Subscription except) {
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

    /**
     * Publishes to a topic with a history: gives the message its id, keeps it and delivers it
     * under the history's lock, so every subscriber gets the topic's messages in id order.
     */
    private int record(String topic, String text, Subscription except, HistoryRule rule) {
        var history = lockedHistory(topic, rule);
        try {
            return deliver(topic, history.append(text, System.currentTimeMillis()), except);
        } finally {
            history.lock.unlock();
        }
    }

    /** The topic's history, made if needed, with its lock held; never one the sweeper just dropped. */
    private History lockedHistory(String topic, HistoryRule rule) {
        while (true) {
            var history = histories.computeIfAbsent(topic, name -> rule.newHistory());
            history.lock.lock();
            if (histories.get(topic) == history) return history;
            history.lock.unlock();
        }
    }

    /**
     * Drops, every second, what aged out of the in-process histories, and the histories left
     * empty, so idle topics hold no memory.
     */
    private void sweepHistories() {
        try {
            while (!closed) {
                Thread.sleep(SWEEP_INTERVAL);
                long now = System.currentTimeMillis();
                for (var entry : histories.entrySet()) {
                    var history = entry.getValue();
                    history.lock.lock();
                    try {
                        if (history.trim(now)) histories.remove(entry.getKey(), history);
                    } finally {
                        history.lock.unlock();
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The first history rule naming {@code topic}, or {@code null} when it keeps no history. */
    private HistoryRule historyRule(String topic) {
        for (var rule : historyRules) {
            if (rule.covers(topic)) return rule;
        }
        return null;
    }

    /** What the Redis relay hands over, on its subscriber thread. */
    private final class FromRelay implements RedisRelay.Receiver {
        @Override
        public void deliver(String topic, String message, MessageId id) {
            if (id == null) {
                Hub.this.deliver(topic, message, null);
                return;
            }
            var t = topics.get(topic);
            if (t != null && t.firstDelivery(id)) Hub.this.deliver(topic, new Delivery.Message(message, id), null);
        }

        /** Catches each topic with a history up on what its stream got while the subscription was down. */
        @Override
        public void subscribed() {
            for (var entry : topics.entrySet()) {
                var rule = historyRule(entry.getKey());
                var last = entry.getValue().lastDelivered();
                if (rule == null || last == null) continue;
                for (var m : relay.after(entry.getKey(), last)) deliver(entry.getKey(), m.text(), m.id());
            }
        }
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
        private final List<HistoryRule> historyRules = new ArrayList<>();

        private Builder() {
        }

        /**
         * Keeps a history of the topics {@code topics} names, so subscribers can resume after a
         * {@link MessageId}: at most {@code count} messages per topic, none older than
         * {@code maxAge}. {@code topics} is a topic's name, or a prefix followed by {@code *}
         * ({@code "chat:*"}); the first rule that names a topic applies. None unless set.
         *
         * <p>Without Redis each history is in this process (an id from before a restart is not
         * in it); with Redis it is a Redis Stream per topic, {@code prefix + "history:" + topic},
         * trimmed to about {@code count} entries and to {@code maxAge} on each publish and
         * expiring {@code maxAge} after the last, so every instance resumes from the same history.
         *
         * @param topics a topic name, or a prefix ending with {@code *}
         * @param count  the most messages kept per topic, at least 1
         * @param maxAge the oldest a kept message may be, positive
         * @return this builder
         */
        public Builder history(String topics, int count, Duration maxAge) {
            historyRules.add(new HistoryRule(topics, count, maxAge));
            return this;
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
