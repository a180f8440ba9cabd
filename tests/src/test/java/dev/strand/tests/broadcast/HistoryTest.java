package dev.strand.tests.broadcast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strand.broadcast.Delivery;
import dev.strand.broadcast.Hub;
import dev.strand.broadcast.MessageId;
import dev.strand.broadcast.Subscription;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A topic's history in one process: ids, resuming after one, gaps, and the seam with live messages. */
class HistoryTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final Hub hub = Hub.builder().history("chat:*", 5, Duration.ofMinutes(5)).build();

    @AfterEach
    void closeHub() {
        hub.close();
    }

    private static Delivery.Message message(Subscription s) throws InterruptedException {
        return assertInstanceOf(Delivery.Message.class, s.receive(WAIT));
    }

    private static List<String> texts(Subscription s, int n) throws InterruptedException {
        var texts = new ArrayList<String>();
        for (int i = 0; i < n; i++) texts.add(message(s).text());
        return texts;
    }

    @Test
    void messagesOfATopicWithHistoryCarryIncreasingIdsAndOthersNone() throws Exception {
        var live = hub.subscribe("chat:tea");
        var plain = hub.subscribe("news");
        hub.publish("chat:tea", "a");
        hub.publish("chat:tea", "b");
        hub.publish("news", "n");

        var a = message(live);
        var b = message(live);
        assertTrue(a.id().compareTo(b.id()) < 0, a.id() + " before " + b.id());
        assertEquals(b.id(), MessageId.valueOf(b.id().toString()), "the text form reads back");
        assertNull(message(plain).id());
    }

    @Test
    void resumingAfterAnIdReplaysWhatFollowedItThenGoesLive() throws Exception {
        var first = hub.subscribe("chat:room");
        for (var text : List.of("one", "two", "three")) hub.publish("chat:room", text);
        var one = message(first);

        var resumed = hub.subscribe("chat:room", one.id());
        hub.publish("chat:room", "four");

        assertEquals(List.of("two", "three", "four"), texts(resumed, 3));
        assertNull(resumed.poll(), "nothing twice");
    }

    @Test
    void resumingAfterAnIdPushedOutOfTheHistoryIsAGapThenTheWholeHistory() throws Exception {
        var first = hub.subscribe("chat:busy");
        for (int i = 0; i < 8; i++) hub.publish("chat:busy", "m" + i);
        var oldest = message(first);

        var resumed = hub.subscribe("chat:busy", oldest.id());

        assertEquals(new Delivery.Gap(), resumed.receive(WAIT));
        assertEquals(List.of("m3", "m4", "m5", "m6", "m7"), texts(resumed, 5), "the 5 kept");
    }

    @Test
    void anIdFromElsewhereIsAGapNotAStreamOfEverythingOrNothing() throws Exception {
        hub.publish("chat:x", "kept");
        var resumed = hub.subscribe("chat:x", new MessageId(1, 0));
        assertEquals(new Delivery.Gap(), resumed.receive(WAIT));
        assertEquals("kept", message(resumed).text());
    }

    @Test
    void resumingWhilePublishersRunLosesAndDoublesNothingAtTheSeam() throws Exception {
        int count = 2_000;
        var bigHub = Hub.builder().history("seam", count * 2, Duration.ofMinutes(1)).capacity(count * 2).build();
        try (bigHub; var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            var watcher = bigHub.subscribe("seam");
            bigHub.publish("seam", "start");
            var start = message(watcher).id();
            Future<?> publishing = pool.submit(() -> {
                for (int i = 0; i < count; i++) bigHub.publish("seam", Integer.toString(i));
            });
            // subscribe mid-stream, several times: each must see 0..count-1 exactly once, in order
            var resumed = new ArrayList<Subscription>();
            for (int i = 0; i < 5; i++) resumed.add(bigHub.subscribe("seam", start));
            publishing.get();
            for (var s : resumed) {
                for (int i = 0; i < count; i++) assertEquals(Integer.toString(i), message(s).text());
                assertNull(s.poll(), "nothing twice");
            }
        }
    }

    @Test
    void resumingATopicWithoutHistoryIsRefused() {
        var e = assertThrows(IllegalArgumentException.class, () -> hub.subscribe("news", new MessageId(1, 0)));
        assertTrue(e.getMessage().contains("keeps no history"), e.getMessage());
    }

    @Test
    void malformedIdsAreRefusedWithAMessage() {
        for (var bad : List.of("", "12", "-1", "1-", "a-1", "1-b", "+1-2", "1--2", "1-2-3", "9".repeat(30) + "-1")) {
            var e = assertThrows(IllegalArgumentException.class, () -> MessageId.valueOf(bad), bad);
            assertTrue(e.getMessage().startsWith("not a message id"), e.getMessage());
        }
    }
}
