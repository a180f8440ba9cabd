package dev.strand.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strand.broadcast.Hub;
import dev.strand.broadcast.Subscription;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;

class BoardTest {

    @Test
    void aBoardForgetsItsOldestStrokesPastItsPointLimit() {
        var board = new Board();
        int perStroke = Stroke.MAX_POINTS;
        int strokes = Board.MAX_POINTS / perStroke + 3;
        for (int i = 0; i < strokes; i++) board.add(stroke(i, perStroke));
        var kept = board.strokes();
        assertEquals(Board.MAX_POINTS / perStroke, kept.size());
        assertEquals(3, kept.getFirst().points()[0], "the oldest strokes went first");
        assertEquals(strokes - 1, kept.getLast().points()[0]);
    }

    @Test
    void boardsPastTheLimitReplaceAnUnusedOneOrAreRefused() {
        var hub = Hub.inProcess();
        var boards = new Boards(hub);
        var open = new ArrayList<Subscription>();
        for (int i = 0; i < Boards.MAX_BOARDS; i++) open.add(boards.join("b" + i).orElseThrow().subscription());
        assertTrue(boards.join("one-too-many").isEmpty(), "all boards are open");

        boards.draw("b0", stroke(7, 1), null);
        open.getFirst().close();
        var replacement = boards.join("one-too-many");
        assertTrue(replacement.isPresent(), "b0 was unused, so it made room");
        open.add(replacement.get().subscription());
        assertEquals(0, hub.subscriberCount(Boards.topic("b0")));
        open.getLast().close();
        var again = boards.join("b0").orElseThrow();
        assertTrue(again.strokes().isEmpty(), "b0 was forgotten, strokes and all");
        again.subscription().close();
        open.forEach(Subscription::close);
    }

    private static Stroke stroke(int x, int points) {
        var xy = new int[points * 2];
        xy[0] = x;
        return new Stroke("stroke", "#000000", 2, xy);
    }
}
