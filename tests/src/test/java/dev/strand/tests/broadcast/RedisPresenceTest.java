package dev.strand.tests.broadcast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strand.broadcast.Hub;
import dev.strand.broadcast.Presence;
import dev.strand.broadcast.PresenceChange;
import dev.strand.tests.Await;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Presence across instances through a real redis-server: joins and leaves, an instance killed, Redis restarted. */
class RedisPresenceTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    /** The documented bound for a dead instance's members to leave, with room for a busy machine. */
    private static final Duration DEAD_INSTANCE = Duration.ofMillis(Presence.TIMEOUT_MILLIS + Presence.HEARTBEAT_MILLIS).plusSeconds(5);

    private RedisHubs cluster;

    @BeforeEach
    void startRedis() throws Exception {
        cluster = RedisHubs.start();
    }

    @AfterEach
    void stopAll() throws Exception {
        cluster.close();
    }

    private Hub hub(String instanceId) throws InterruptedException {
        return cluster.hub(instanceId, b -> b);
    }

    private static void awaitMembers(Hub hub, String topic, Set<String> keys, Duration within) throws InterruptedException {
        Await.until(keys + " on " + topic, within, () -> hub.presence().members(topic).keySet().equals(keys));
    }

    @Test
    void everyInstanceSeesTheMembersOfAllAndWatchersGetJoinsAndLeavesOnce() throws Exception {
        var one = hub("one");
        var two = hub("two");
        var changes = new CopyOnWriteArrayList<PresenceChange>();
        two.presence().watch("room", changes::add);

        var adaTab1 = one.presence().track("room", "ada", "{\"tab\":1}");
        awaitMembers(two, "room", Set.of("ada"), WAIT);
        var adaTab2 = two.presence().track("room", "ada", "{\"tab\":2}");
        var bob = one.presence().track("room", "bob", "{}");
        awaitMembers(two, "room", Set.of("ada", "bob"), WAIT);
        awaitMembers(one, "room", Set.of("ada", "bob"), WAIT);
        assertEquals("{}", two.presence().members("room").get("bob"));

        adaTab1.close();
        bob.close();
        awaitMembers(two, "room", Set.of("ada"), WAIT);
        awaitMembers(one, "room", Set.of("ada"), WAIT);
        adaTab2.close();
        awaitMembers(one, "room", Set.of(), WAIT);

        assertEquals(List.of(new PresenceChange.Joined("room", "ada", "{\"tab\":1}"), new PresenceChange.Joined("room", "bob", "{}"),
                new PresenceChange.Left("room", "bob"), new PresenceChange.Left("room", "ada")), changes);
    }

    @Test
    void anInstanceKilledWithSigkillHasItsMembersLeaveEverywhereWithinTheBound() throws Exception {
        var one = hub("one");
        var java = ProcessHandle.current().info().command().orElseThrow();
        var process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), PresenceInstance.class.getName(),
                cluster.redis().url(), "doomed", "room", "zed").redirectErrorStream(true).start();
        try {
            var out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            for (String line; (line = out.readLine()) != null && !line.equals("ready"); ) {
                // the instance's log
            }
            one.presence().track("room", "ada", "{}");
            awaitMembers(one, "room", Set.of("ada", "zed"), WAIT);

            process.destroyForcibly();
            assertTrue(process.waitFor(10, TimeUnit.SECONDS));
            long killed = System.nanoTime();
            awaitMembers(one, "room", Set.of("ada"), DEAD_INSTANCE);
            long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killed);
            System.out.println("the killed instance's member left after " + took + " ms");
        } finally {
            process.destroyForcibly();
        }
    }

    @Test
    void afterRedisRestartsTheInstancesConvergeWithoutRestartingThemselves() throws Exception {
        var one = hub("one");
        var two = hub("two");
        var ada = one.presence().track("room", "ada", "{}");
        two.presence().track("room", "bob", "{}");
        awaitMembers(one, "room", Set.of("ada", "bob"), WAIT);
        awaitMembers(two, "room", Set.of("ada", "bob"), WAIT);

        cluster.redis().kill();
        // during the outage each sees its own members only, once the others time out
        awaitMembers(two, "room", Set.of("bob"), DEAD_INSTANCE);
        ada.close();
        one.presence().track("room", "cy", "{}");
        cluster.redis().restart();

        awaitMembers(two, "room", Set.of("bob", "cy"), RedisHubs.RECONNECT);
        awaitMembers(one, "room", Set.of("bob", "cy"), RedisHubs.RECONNECT);
        assertEquals(Map.of("bob", "{}", "cy", "{}"), two.presence().members("room"));
    }

    @Test
    void aShortOutageLosesNoChangeForGood() throws Exception {
        var one = hub("one");
        var two = hub("two");
        var ada = one.presence().track("room", "ada", "{}");
        awaitMembers(two, "room", Set.of("ada"), WAIT);

        // the leave is published while the subscribers are cut off, and so is missed by two
        cluster.redis().dropSubscribers();
        ada.close();
        awaitMembers(two, "room", Set.of(), RedisHubs.RECONNECT);
    }
}
