package dev.strand.internal.routing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The routes of an app, built once at startup and read-only after: a tree of path segments in
 * which, at every segment, static text wins over {@code {param}}, which wins over
 * {@code {param:regex}}, which wins over {@code {rest...}}, whatever the declaration order.
 * Matching does no reflection and compiles no regex.
 *
 * @param <T> what a route leads to
 */
public final class RouteTable<T> {
    private final Node<T> root;
    private final List<Route<T>> routes;
    private final int maxParams;

    private RouteTable(Node<T> root, List<Route<T>> routes) {
        this.root = root;
        this.routes = List.copyOf(routes);
        this.maxParams = routes.stream().mapToInt(r -> r.paramNames().size()).max().orElse(0);
    }

    /** A builder that rejects two routes no request could tell apart. */
    public static <T> Builder<T> builder() {
        return new Builder<>();
    }

    /** Every route, in declaration order. */
    public List<Route<T>> routes() {
        return routes;
    }

    /**
     * Finds the route for a request. {@code HEAD} falls back to {@code GET}.
     *
     * @param method  upper-case HTTP method
     * @param rawPath the path as sent, still percent-encoded
     * @throws IllegalArgumentException when the path has a malformed percent-escape
     */
    public Lookup<T> match(String method, String rawPath) {
        var segments = PathSegments.split(rawPath);
        var values = new String[maxParams];
        var route = find(root, segments, 0, values, 0, method);
        if (route != null) {
            return new RouteMatch<>(route, values);
        }
        var allowed = new TreeSet<String>();
        collect(root, segments, 0, allowed);
        if (allowed.isEmpty()) return new Lookup.NotFound<>();
        if (allowed.contains("GET")) allowed.add("HEAD");
        allowed.add("OPTIONS");
        return new Lookup.OtherMethods<>(Set.copyOf(allowed));
    }

    private static <T> Route<T> find(Node<T> node, String[] segs, int i, String[] values, int v, String method) {
        if (i == segs.length) {
            return node.routeFor(method);
        }
        var seg = segs[i];
        var literal = node.literals.get(seg);
        Route<T> found;
        if (literal != null && (found = find(literal, segs, i + 1, values, v, method)) != null) return found;
        if (node.param != null) {
            values[v] = seg;
            if ((found = find(node.param, segs, i + 1, values, v + 1, method)) != null) return found;
        }
        for (var edge : node.regexes) {
            if (edge.pattern.matcher(seg).matches()) {
                values[v] = seg;
                if ((found = find(edge.node, segs, i + 1, values, v + 1, method)) != null) return found;
            }
        }
        if (node.tail != null && (found = node.tail.routeFor(method)) != null) {
            values[v] = String.join("/", java.util.Arrays.copyOfRange(segs, i, segs.length));
            return found;
        }
        return null;
    }

    private static <T> void collect(Node<T> node, String[] segs, int i, Collection<String> methods) {
        if (i == segs.length) {
            methods.addAll(node.routes.keySet());
            return;
        }
        var literal = node.literals.get(segs[i]);
        if (literal != null) collect(literal, segs, i + 1, methods);
        if (node.param != null) collect(node.param, segs, i + 1, methods);
        for (var edge : node.regexes) {
            if (edge.pattern.matcher(segs[i]).matches()) collect(edge.node, segs, i + 1, methods);
        }
        if (node.tail != null) methods.addAll(node.tail.routes.keySet());
    }

    /** Collects routes; {@link #build()} freezes them. */
    public static final class Builder<T> {
        private final Node<T> root = new Node<>();
        private final List<Route<T>> routes = new ArrayList<>();
        private final Map<String, Route<T>> byShape = new HashMap<>();

        private Builder() {
        }

        /**
         * Adds a route.
         *
         * @throws IllegalArgumentException when a route with the same method and path shape exists,
         *                                  naming both declarations
         */
        public Builder<T> add(Route<T> route) {
            var key = route.method() + " " + route.pattern().shape();
            var earlier = byShape.putIfAbsent(key, route);
            if (earlier != null) {
                throw new IllegalArgumentException(route.method() + " " + route.pattern().source()
                        + " declared twice: " + earlier.origin() + ", " + route.origin()
                        + (earlier.pattern().source().equals(route.pattern().source())
                                ? "" : " (as " + earlier.pattern().source() + ")"));
            }
            var node = root;
            for (var segment : route.pattern().segments()) {
                node = node.child(segment);
            }
            node.routes.put(route.method(), route);
            routes.add(route);
            return this;
        }

        /** Whether a route with this method and the same path shape was added. */
        public boolean has(String method, PathPattern pattern) {
            return byShape.containsKey(method + " " + pattern.shape());
        }

        /** The frozen table. */
        public RouteTable<T> build() {
            return new RouteTable<>(root, routes);
        }
    }

    private static final class Node<T> {
        final Map<String, Node<T>> literals = new HashMap<>();
        final List<RegexEdge<T>> regexes = new ArrayList<>();
        final Map<String, Route<T>> routes = new LinkedHashMap<>();
        Node<T> param;
        Node<T> tail;

        Route<T> routeFor(String method) {
            var route = routes.get(method);
            return route == null && "HEAD".equals(method) ? routes.get("GET") : route;
        }

        Node<T> child(PathPattern.Segment segment) {
            return switch (segment) {
                case PathPattern.Segment.Literal l -> literals.computeIfAbsent(l.text(), k -> new Node<>());
                case PathPattern.Segment.Param p -> param != null ? param : (param = new Node<>());
                case PathPattern.Segment.Tail t -> tail != null ? tail : (tail = new Node<>());
                case PathPattern.Segment.Regex r -> regexes.stream()
                        .filter(e -> e.pattern.pattern().equals(r.pattern().pattern()))
                        .findFirst()
                        .orElseGet(() -> {
                            var edge = new RegexEdge<T>(r.pattern(), new Node<>());
                            regexes.add(edge);
                            return edge;
                        }).node;
            };
        }
    }

    private record RegexEdge<T>(Pattern pattern, Node<T> node) {}
}
