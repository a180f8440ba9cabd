package com.example.whiteboard;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One thing done to a board, as the browser sends it:
 * {@code {"type":"stroke","color":"#1e88e5","width":3,"points":[[10,12],[14,20]]}} or
 * {@code {"type":"clear"}}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Action(String type, String color, Double width, List<double[]> points) {
    private static final Pattern COLOR = Pattern.compile("#[0-9a-fA-F]{6}");
    private static final int MAX_POINTS = 1_000;

    /** Whether this wipes the board (a method, not a component: it is not sent to clients). */
    public boolean clears() {
        return "clear".equals(type);
    }

    /**
     * This action if it is one the board can take; the browser is not trusted, since every other
     * client will draw what it sent.
     *
     * @throws IllegalArgumentException saying what is wrong, in few enough words for a close reason
     */
    public Action checked() {
        if (clears()) return new Action("clear", null, null, null);
        if (!"stroke".equals(type)) return refuse("type must be stroke or clear");
        if (color == null || !COLOR.matcher(color).matches()) return refuse("color is not #rrggbb");
        if (width == null || width < 1 || width > 50) return refuse("width must be 1 to 50");
        if (points == null || points.isEmpty() || points.size() > MAX_POINTS) {
            return refuse("a stroke has 1 to " + MAX_POINTS + " points");
        }
        for (var p : points) {
            if (p.length != 2) return refuse("a point is [x, y]");
        }
        return this;
    }

    private static Action refuse(String why) {
        throw new IllegalArgumentException(why);
    }
}
