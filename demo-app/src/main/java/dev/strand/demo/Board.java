package dev.strand.demo;

import java.util.ArrayDeque;
import java.util.List;

/**
 * One whiteboard's strokes, oldest first, at most {@value #MAX_POINTS} points in all: drawing
 * past that forgets the oldest strokes. Not thread-safe; {@link Boards} guards it.
 */
final class Board {
    /** About 250 KB of replay for a page that joins: minutes of steady drawing. */
    static final int MAX_POINTS = 20_000;

    private final ArrayDeque<Stroke> strokes = new ArrayDeque<>();
    private int points;

    void add(Stroke stroke) {
        strokes.addLast(stroke);
        points += stroke.size();
        while (points > MAX_POINTS) points -= strokes.removeFirst().size();
    }

    void clear() {
        strokes.clear();
        points = 0;
    }

    List<Stroke> strokes() {
        return List.copyOf(strokes);
    }
}
