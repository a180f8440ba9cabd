package dev.strand.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.node.TextNode;
import dev.strand.HttpException;
import dev.strand.broadcast.Hub;
import dev.strand.broadcast.Subscription;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;

class PollsTest {

    @Test
    void pollsPastTheLimitReplaceAnUnwatchedOneOrAreRefused() {
        var polls = new Polls(Hub.inProcess());
        polls.vote("old", TextNode.valueOf("Chat"));
        var watching = new ArrayList<Subscription>();
        for (int i = 1; i < Polls.MAX_POLLS; i++) watching.add(polls.watch("p" + i).subscription());

        watching.add(polls.watch("new").subscription());
        var refused = assertThrows(HttpException.class, () -> polls.results("another"));
        assertEquals(503, refused.status());
        watching.forEach(Subscription::close);
        assertEquals(0, polls.results("old").total(), "'old' was unwatched, so it was forgotten to make room for 'new'");
    }
}
