package dev.strand.tests.broadcast;

import dev.strand.broadcast.Hub;
import dev.strand.test.RedisServer;
import dev.strand.tests.Await;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** A real redis-server for one test, and the hubs relaying through it: each up before use, all closed together. */
final class RedisHubs implements AutoCloseable {
    /** Long enough for a reconnect at the longest backoff (5 s) plus the connection itself. */
    static final Duration RECONNECT = Duration.ofSeconds(20);

    private final RedisServer redis;
    private final List<Hub> hubs = new ArrayList<>();

    private RedisHubs(RedisServer redis) {
        this.redis = redis;
    }

    static RedisHubs start() throws Exception {
        return new RedisHubs(RedisServer.start());
    }

    RedisServer redis() {
        return redis;
    }

    /** A hub named {@code instanceId} on this Redis, with a short heartbeat and whatever {@code options} add; returns once its relay is up. */
    Hub hub(String instanceId, UnaryOperator<Hub.Builder> options) throws InterruptedException {
        var hub = options.apply(Hub.builder().redis(redis.url()).instanceId(instanceId).heartbeat(Duration.ofMillis(500))).build();
        hubs.add(hub);
        Await.until("the relay is up", RECONNECT, hub::relayUp);
        return hub;
    }

    @Override
    public void close() throws Exception {
        hubs.forEach(Hub::close);
        redis.close();
    }
}
