package dev.strand.bench.jmh;

import dev.strand.internal.routing.Lookup;
import dev.strand.internal.routing.PathPattern;
import dev.strand.internal.routing.Route;
import dev.strand.internal.routing.RouteTable;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * {@link RouteTable#match} over the route table of a plausible REST app: 40 routes of static
 * text, {@code {param}}, one {@code {param:regex}} and one {@code {rest...}}. Each benchmark looks
 * up one request path, as {@code StrandHandler} does once per request (splitting and
 * percent-decoding the path included).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RouteMatchBenchmark {
    private static final String[] ROUTES = {
        "GET /",
        "GET /health",
        "GET /metrics",
        "GET /api/users",
        "POST /api/users",
        "GET /api/users/me",
        "GET /api/users/{id}",
        "PUT /api/users/{id}",
        "DELETE /api/users/{id}",
        "GET /api/users/{id}/orders",
        "GET /api/users/{id}/orders/{orderId}",
        "GET /api/users/{id}/avatar",
        "GET /api/products",
        "POST /api/products",
        "GET /api/products/search",
        "GET /api/products/{sku:[A-Z]{3}-\\d{4}}",
        "GET /api/products/{sku:[A-Z]{3}-\\d{4}}/reviews",
        "GET /api/orders",
        "POST /api/orders",
        "GET /api/orders/{id}",
        "PATCH /api/orders/{id}",
        "GET /api/orders/{id}/items",
        "GET /api/orders/{id}/items/{itemId}",
        "GET /api/teams",
        "GET /api/teams/{team}",
        "GET /api/teams/{team}/members",
        "GET /api/teams/{team}/members/{member}",
        "GET /api/teams/{team}/projects/{project}",
        "GET /api/teams/{team}/projects/{project}/issues",
        "GET /api/teams/{team}/projects/{project}/issues/{issue}",
        "POST /api/teams/{team}/projects/{project}/issues",
        "GET /api/admin/stats",
        "GET /api/admin/users",
        "POST /api/admin/users/{id}/ban",
        "GET /auth/login",
        "POST /auth/login",
        "POST /auth/logout",
        "GET /ws/chat/{room}",
        "GET /sse/ticks",
        "GET /static/{path...}",
    };

    private RouteTable<String> table;

    @Setup
    public void buildTable() {
        var builder = RouteTable.<String>builder();
        for (var route : ROUTES) {
            int space = route.indexOf(' ');
            var method = route.substring(0, space);
            var path = route.substring(space + 1);
            builder.add(new Route<>(method, PathPattern.parse(path), route, route));
        }
        table = builder.build();
    }

    /** A static route three segments deep. */
    @Benchmark
    public Lookup<String> staticPath() {
        return table.match("GET", "/api/admin/stats");
    }

    /** One {@code {param}}, next to a static sibling ({@code /api/users/me}) that must be tried first. */
    @Benchmark
    public Lookup<String> oneParam() {
        return table.match("GET", "/api/users/42");
    }

    /** Three {@code {param}}s, six segments. */
    @Benchmark
    public Lookup<String> threeParams() {
        return table.match("GET", "/api/teams/core/projects/strand/issues/15");
    }

    /** A parameter with a percent-escaped value, decoded while splitting. */
    @Benchmark
    public Lookup<String> encodedParam() {
        return table.match("GET", "/ws/chat/caf%C3%A9%20corner");
    }

    /** A {@code {param:regex}} segment. */
    @Benchmark
    public Lookup<String> regexParam() {
        return table.match("GET", "/api/products/ABC-1234/reviews");
    }

    /** A {@code {rest...}} tail of three segments, joined back with '/'. */
    @Benchmark
    public Lookup<String> tail() {
        return table.match("GET", "/static/css/theme/site.css");
    }

    /** No route: the 404 path, which walks the tree a second time to collect the allowed methods. */
    @Benchmark
    public Lookup<String> notFound() {
        return table.match("GET", "/api/nothing/here");
    }

    /** The path exists for other methods: the 405 path, which builds the Allow set. */
    @Benchmark
    public Lookup<String> otherMethod() {
        return table.match("PATCH", "/api/users/42");
    }
}
