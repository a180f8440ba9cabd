package dev.strand.internal.routing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Set;
import org.junit.jupiter.api.Test;

class RouteTableTest {

    private static RouteTable<String> table(String... methodAndPaths) {
        var builder = RouteTable.<String>builder();
        for (var mp : methodAndPaths) {
            var parts = mp.split(" ");
            builder.add(new Route<>(parts[0], PathPattern.parse(parts[1]), mp, "Test." + parts[1]));
        }
        return builder.build();
    }

    private static String target(RouteTable<String> table, String method, String path) {
        return assertInstanceOf(RouteMatch.class, table.match(method, path)).route().target().toString();
    }

    @Test
    void staticBeatsParamBeatsRegexBeatsTailWhateverTheOrder() {
        var t = table("GET /f/{rest...}", "GET /f/{n:\\d+}", "GET /f/{x}", "GET /f/new");
        assertEquals("GET /f/new", target(t, "GET", "/f/new"));
        assertEquals("GET /f/{x}", target(t, "GET", "/f/42"));
        assertEquals("GET /f/{rest...}", target(t, "GET", "/f/a/b"));
    }

    @Test
    void regexWinsWhenTheParamBranchCannotFinish() {
        var t = table("GET /f/{x}/edit", "GET /f/{n:\\d+}/view");
        assertEquals("GET /f/{n:\\d+}/view", target(t, "GET", "/f/7/view"));
        assertInstanceOf(Lookup.NotFound.class, t.match("GET", "/f/x/view"));
    }

    @Test
    void backtracksToAParameterRouteForTheMethod() {
        var t = table("GET /users/me", "POST /users/{id}");
        assertEquals("POST /users/{id}", target(t, "POST", "/users/me"));
    }

    @Test
    void decodesParamsPerSegmentAndJoinsTheTail() {
        var t = table("GET /a/{x}/{rest...}");
        RouteMatch<?> m = assertInstanceOf(RouteMatch.class, t.match("GET", "/a/b%2Fc%20d/e/f%C3%A9"));
        assertEquals("b/c d", m.param("x"));
        assertEquals("e/fé", m.param("rest"));
    }

    @Test
    void headFallsBackToGet() {
        assertEquals("GET /a", target(table("GET /a"), "HEAD", "/a"));
    }

    @Test
    void reportsTheMethodsAPathAllows() {
        var other = assertInstanceOf(Lookup.OtherMethods.class, table("GET /a", "PUT /a").match("DELETE", "/a"));
        assertEquals(Set.of("GET", "HEAD", "PUT", "OPTIONS"), other.allowed());
    }

    @Test
    void rejectsTwoRoutesNoRequestCouldTellApart() {
        var e = assertThrows(IllegalArgumentException.class, () -> table("GET /u/{id}", "GET /u/{name}"));
        assertEquals("GET /u/{name} declared twice: Test./u/{id}, Test./u/{name} (as /u/{id})", e.getMessage());
    }

    @Test
    void rejectsMalformedEscapes() {
        assertThrows(IllegalArgumentException.class, () -> table("GET /{x}").match("GET", "/%zz"));
        assertThrows(IllegalArgumentException.class, () -> table("GET /{x}").match("GET", "/%C3"));
    }

    @Test
    void splitsRootAndTrailingSlashes() {
        assertArrayEquals(new String[0], PathSegments.split("/"));
        assertArrayEquals(new String[] {"a", "b"}, PathSegments.split("/a/b/"));
    }
}
