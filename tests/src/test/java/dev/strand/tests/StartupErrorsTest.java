package dev.strand.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.strand.Strand;
import dev.strand.annotation.Get;
import dev.strand.annotation.PathParam;
import dev.strand.annotation.QueryParam;
import dev.strand.tests.noctor.NeedsArguments;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every mistake in an app stops the start with a message naming class, method and route. */
class StartupErrorsTest {

    private static String failure(Strand.Builder app) {
        var e = assertThrows(IllegalStateException.class, () -> app.host("127.0.0.1").port(0).start().stop());
        return e.getMessage();
    }

    public static final class First {
        @Get("/users/{id}")
        public String get() {
            return "";
        }
    }

    public static final class Second {
        @Get("/users/{name}")
        public String user() {
            return "";
        }
    }

    @Test
    void duplicateRoute() {
        assertEquals("Second.user (GET /users/{name}): GET /users/{name} declared twice: First.get, Second.user (as /users/{id})",
                failure(Strand.builder().controllers(new First(), new Second())));
    }

    public static final class UnsupportedParameter {
        @Get("/x")
        public String x(List<String> things) {
            return "";
        }
    }

    @Test
    void unsupportedParameterType() {
        assertEquals("UnsupportedParameter.x (GET /x): parameter 'things' of type List is not supported; "
                        + "take Context, or annotate it with @PathParam, @QueryParam, @FormParam, @Header or @Body",
                failure(Strand.builder().controllers(new UnsupportedParameter())));
    }

    public static final class Unconvertible {
        @Get("/x")
        public String x(@QueryParam("when") java.time.Instant when) {
            return "";
        }
    }

    @Test
    void parameterTypeStrandCannotConvert() {
        assertEquals(true, failure(Strand.builder().controllers(new Unconvertible()))
                .contains("Unconvertible.x (GET /x): @QueryParam parameter 'when' has type Instant, which Strand cannot convert to"));
    }

    public static final class WrongPathParam {
        @Get("/users/{id}")
        public String x(@PathParam("userId") String id) {
            return "";
        }
    }

    @Test
    void pathParamThatIsNotInThePath() {
        assertEquals("WrongPathParam.x (GET /users/{id}): @PathParam(\"userId\") names no parameter of the route's path; it has [id]",
                failure(Strand.builder().controllers(new WrongPathParam())));
    }

    public static final class BadPattern {
        @Get("/users/{id")
        public String x() {
            return "";
        }
    }

    @Test
    void badPathPattern() {
        assertEquals("BadPattern.x (GET /users/{id): bad path pattern '/users/{id': it has an unclosed '{'",
                failure(Strand.builder().controllers(new BadPattern())));
    }

    public static final class NonPublic {
        @Get("/x")
        String x() {
            return "";
        }
    }

    @Test
    void nonPublicMethod() {
        assertEquals("dev.strand.tests.StartupErrorsTest$NonPublic.x is annotated @Get but the method is not public; "
                        + "make it public so Strand can call it",
                failure(Strand.builder().controllers(new NonPublic())));
    }

    @Test
    void scannedControllerWithoutNoArgConstructor() {
        assertEquals(NeedsArguments.class.getName() + " has no public no-arg constructor; add one, or build it yourself "
                        + "and register it with Strand.builder().controllers(new NeedsArguments(...))",
                failure(Strand.builder().scan(NeedsArguments.class.getPackageName())));
    }

    @Test
    void registeringTheInstanceFixesTheMissingConstructor() {
        Strand.builder().scan(NeedsArguments.class.getPackageName()).controllers(new NeedsArguments("hi"))
                .host("127.0.0.1").port(0).start().stop();
    }

    @Test
    void badDefaultValue() {
        assertEquals(true, failure(Strand.builder().controllers(new BadDefault()))
                .contains("BadDefault.x (GET /x): the default of query parameter 'n' must be an integer, got 'ten'"));
    }

    public static final class BadDefault {
        @Get("/x")
        public String x(@QueryParam(value = "n", defaultValue = "ten") int n) {
            return "";
        }
    }
}
