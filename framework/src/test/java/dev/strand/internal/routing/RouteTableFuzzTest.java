package dev.strand.internal.routing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Route matching against a model. For a method and a raw path, the table must pick exactly the
 * route a plain reading of the rules picks: among the routes whose pattern fits the decoded
 * segments, the one whose segments rank first (static, then {@code {param}}, then regex in
 * declaration order, then {@code {rest...}}), {@code HEAD} falling back to {@code GET}, with the
 * parameter values taken from the segments; otherwise 405 listing exactly the methods of the
 * fitting routes, or 404 when none fits. A path that does not decode is the only exception.
 */
class RouteTableFuzzTest {
    private static final List<String> METHODS = List.of("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS");
    private static final List<String> ROUTES = List.of(
            "GET /", "GET /users", "POST /users", "GET /users/{id}", "DELETE /users/{id}", "GET /users/me",
            "HEAD /users/me", "GET /users/{id}/posts/{post}", "GET /files/{path...}", "PUT /files/{path...}",
            "GET /files/readme", "GET /h/{n:\\d+}", "GET /h/{hex:[0-9a-f]+}/x", "GET /h/{any}/y",
            "GET /h/{rest...}", "GET /café/{x}");
    private static final List<Route<String>> DECLARED = ROUTES.stream().map(RouteTableFuzzTest::route).toList();
    private static final RouteTable<String> TABLE = table();
    /** Regex sources in declaration order: the order the table tries regex siblings in. */
    private static final List<String> REGEXES = DECLARED.stream()
            .flatMap(r -> r.pattern().segments().stream())
            .filter(s -> s instanceof PathPattern.Segment.Regex)
            .map(s -> ((PathPattern.Segment.Regex) s).pattern().pattern())
            .distinct().toList();

    @FuzzTest
    void matchPicksTheRouteTheRulesPick(byte[] input) {
        if (input.length == 0) return;
        var method = METHODS.get((input[0] & 0xFF) % METHODS.size());
        var text = new String(input, 1, input.length - 1, StandardCharsets.UTF_8);
        var rawPath = text.startsWith("/") ? text : "/" + text;
        String[] segments;
        try {
            segments = PathSegments.split(rawPath);
        } catch (IllegalArgumentException undecodable) {
            assertThrowsSame(method, rawPath);
            return;
        }
        var fitting = DECLARED.stream().filter(r -> fits(r.pattern(), segments)).toList();
        var expected = fitting.stream()
                .filter(r -> r.method().equals(method) || method.equals("HEAD") && r.method().equals("GET")
                        && fitting.stream().noneMatch(h -> h.method().equals("HEAD") && h.pattern().shape().equals(r.pattern().shape())))
                .min(Comparator.comparing(r -> ranks(r.pattern()), RouteTableFuzzTest::compare));
        var lookup = TABLE.match(method, rawPath);
        if (expected.isPresent()) {
            var match = assertInstanceOf(RouteMatch.class, lookup, () -> method + " " + rawPath);
            assertSame(expected.get(), match.route(), () -> method + " " + rawPath);
            assertArrayEquals(values(expected.get().pattern(), segments),
                    Arrays.copyOf(match.values(), expected.get().paramNames().size()));
        } else if (fitting.isEmpty()) {
            assertInstanceOf(Lookup.NotFound.class, lookup, () -> method + " " + rawPath);
        } else {
            var allowed = new TreeSet<String>();
            fitting.forEach(r -> allowed.add(r.method()));
            if (allowed.contains("GET")) allowed.add("HEAD");
            allowed.add("OPTIONS");
            var other = assertInstanceOf(Lookup.OtherMethods.class, lookup, () -> method + " " + rawPath);
            assertEquals(Set.copyOf(allowed), other.allowed());
        }
    }

    private static void assertThrowsSame(String method, String rawPath) {
        try {
            TABLE.match(method, rawPath);
        } catch (IllegalArgumentException expected) {
            return;
        }
        throw new AssertionError("an undecodable path matched: " + rawPath);
    }

    private static boolean fits(PathPattern pattern, String[] segs) {
        var ps = pattern.segments();
        for (int i = 0; i < ps.size(); i++) {
            if (ps.get(i) instanceof PathPattern.Segment.Tail) return segs.length > i;
            if (i >= segs.length) return false;
            var fit = switch (ps.get(i)) {
                case PathPattern.Segment.Literal l -> l.text().equals(segs[i]);
                case PathPattern.Segment.Param p -> true;
                case PathPattern.Segment.Regex r -> r.pattern().matcher(segs[i]).matches();
                case PathPattern.Segment.Tail t -> true;
            };
            if (!fit) return false;
        }
        return ps.size() == segs.length;
    }

    private static String[] values(PathPattern pattern, String[] segs) {
        var values = new ArrayList<String>();
        var ps = pattern.segments();
        for (int i = 0; i < ps.size(); i++) {
            switch (ps.get(i)) {
                case PathPattern.Segment.Literal l -> { }
                case PathPattern.Segment.Tail t -> values.add(String.join("/", Arrays.copyOfRange(segs, i, segs.length)));
                default -> values.add(segs[i]);
            }
        }
        return values.toArray(String[]::new);
    }

    private static int[] ranks(PathPattern pattern) {
        return pattern.segments().stream().mapToInt(s -> switch (s) {
            case PathPattern.Segment.Literal l -> 0;
            case PathPattern.Segment.Param p -> 1;
            case PathPattern.Segment.Regex r -> 2 + REGEXES.indexOf(r.pattern().pattern());
            case PathPattern.Segment.Tail t -> Integer.MAX_VALUE;
        }).toArray();
    }

    private static int compare(int[] a, int[] b) {
        return Arrays.compare(a, b);
    }

    private static Route<String> route(String methodAndPath) {
        var parts = methodAndPath.split(" ");
        return new Route<>(parts[0], PathPattern.parse(parts[1]), methodAndPath, "Fuzz." + parts[1]);
    }

    private static RouteTable<String> table() {
        var builder = RouteTable.<String>builder();
        DECLARED.forEach(builder::add);
        return builder.build();
    }
}
