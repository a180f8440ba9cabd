package dev.strand.internal.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PathPatternTest {

    @Test
    void parsesEveryKindOfSegment() {
        var p = PathPattern.parse("/users/{id}/files/{code:[a-z]{2}}/{rest...}");
        assertEquals(List.of("id", "code", "rest"), p.paramNames());
        assertEquals(5, p.segments().size());
    }

    @Test
    void treatsATrailingSlashAsTheSamePath() {
        assertEquals(PathPattern.parse("/a/b").shape(), PathPattern.parse("/a/b/").shape());
        assertEquals("/", PathPattern.parse("/").shape());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "users/{id}        | must start with '/'",
            "/a//b             | empty segment",
            "/a/{id            | unclosed '{'",
            "/a/id}            | unmatched '}'",
            "/a/x{id}          | mixes text and a parameter",
            "/a/{1id}          | not a valid parameter name",
            "/a/{id}/{id}      | appears twice",
            "/a/{rest...}/b    | must be the last segment",
            "/a/{id:[}         | does not compile",
    })
    void rejectsBadPatternsNamingTheProblem(String pattern, String why) {
        var e = assertThrows(IllegalArgumentException.class, () -> PathPattern.parse(pattern));
        assertTrue(e.getMessage().contains(pattern), e.getMessage());
        assertTrue(e.getMessage().contains(why), e.getMessage());
    }
}
