package dev.strand.demo;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.regex.Pattern;

/**
 * A piece of a line drawn on a whiteboard: a colour, a width and a polyline, in board
 * coordinates ({@value #WIDTH} × {@value #HEIGHT}, whatever the size of the canvas showing it).
 * A long line travels as several strokes, each starting where the last one ended.
 *
 * @param type   always {@code "stroke"}, so the record is the message as it goes out
 * @param color  {@code #rrggbb}
 * @param width  line width in board units, 1 to {@value #MAX_WIDTH}
 * @param points x and y of each point, in turn: {@code [x0, y0, x1, y1, ...]}
 */
public record Stroke(String type, String color, int width, int[] points) implements Drawing {
    /** The board's size in its own units; pages scale it to their canvas. */
    static final int WIDTH = 1600, HEIGHT = 1000;
    static final int MAX_WIDTH = 40;
    /** The most points in one stroke; the page sends a long line in pieces well below this. */
    static final int MAX_POINTS = 500;
    private static final Pattern COLOR = Pattern.compile("#[0-9a-fA-F]{6}");

    /** How many points the stroke has. */
    int size() {
        return points.length / 2;
    }

    /**
     * Reads a stroke a page sent: {@code {"type":"stroke","color":"#1d4ed8","width":4,"points":[x0,y0,...]}}.
     * Coordinates are rounded to whole units.
     *
     * @throws IllegalArgumentException saying what is wrong
     */
    static Stroke from(JsonNode json) {
        var color = json.path("color").asText("");
        if (!COLOR.matcher(color).matches()) throw new IllegalArgumentException("a stroke's color is #rrggbb");
        var width = json.path("width");
        if (!width.isNumber() || width.asDouble() < 1 || width.asDouble() > MAX_WIDTH) {
            throw new IllegalArgumentException("a stroke's width is a number from 1 to " + MAX_WIDTH);
        }
        var list = json.path("points");
        if (!list.isArray() || list.isEmpty() || list.size() % 2 != 0 || list.size() / 2 > MAX_POINTS) {
            throw new IllegalArgumentException("a stroke's points are [x0, y0, x1, y1, ...]: 1 to " + MAX_POINTS + " points");
        }
        var points = new int[list.size()];
        for (int i = 0; i < points.length; i++) {
            var n = list.get(i);
            double limit = i % 2 == 0 ? WIDTH : HEIGHT;
            if (!n.isNumber() || n.asDouble() < 0 || n.asDouble() > limit) {
                throw new IllegalArgumentException("points lie on the board: x from 0 to " + WIDTH + ", y from 0 to " + HEIGHT);
            }
            points[i] = (int) Math.round(n.asDouble());
        }
        return new Stroke("stroke", color.toLowerCase(), (int) Math.round(width.asDouble()), points);
    }
}
