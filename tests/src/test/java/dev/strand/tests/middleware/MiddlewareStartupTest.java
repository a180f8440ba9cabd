package dev.strand.tests.middleware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.strand.Context;
import dev.strand.Middleware;
import dev.strand.Strand;
import dev.strand.annotation.Get;
import dev.strand.annotation.Use;
import dev.strand.test.StrandTest;
import dev.strand.tests.middleware.scanned.Stamp;
import org.junit.jupiter.api.Test;

class MiddlewareStartupTest {

    public static final class NotAMiddleware {
    }

    public static final class Greeter implements Middleware {
        private final String greeting;

        public Greeter(String greeting) {
            this.greeting = greeting;
        }

        @Override
        public void handle(Context ctx, Chain chain) throws Exception {
            ctx.setResponseHeader("X-Greeting", greeting);
            chain.proceed();
        }
    }

    public static final class Wrong {
        @Use(NotAMiddleware.class)
        @Get("/x")
        public String x() {
            return "";
        }
    }

    public static final class NeedsInstance {
        @Use(Greeter.class)
        @Get("/x")
        public String x() {
            return "x";
        }
    }

    @Test
    void useNamingANonMiddlewareFailsAtStartup() {
        var e = assertThrows(IllegalStateException.class, () -> Strand.builder().controllers(new Wrong()).port(0).start().stop());
        assertEquals("@Use on Wrong.x names " + NotAMiddleware.class.getName() + ", which does not implement dev.strand.Middleware",
                e.getMessage());
    }

    @Test
    void middlewareWithoutNoArgConstructorMustBeRegistered() throws Exception {
        var e = assertThrows(IllegalStateException.class,
                () -> Strand.builder().controllers(new NeedsInstance()).port(0).start().stop());
        assertEquals(true, e.getMessage().contains("register an instance with Strand.builder().middleware(new Greeter(...))"),
                e.getMessage());
        StrandTest.run(Strand.builder().controllers(new NeedsInstance()).middleware(new Greeter("hi")),
                (server, client) -> assertEquals("hi", client.get("/x").header("X-Greeting")));
    }

    @Test
    void globalMiddlewareIsFoundByTheScan() throws Exception {
        StrandTest.run(Strand.builder().scan(Stamp.class.getPackageName()), (server, client) -> {
            assertEquals("stamped", client.get("/scanned").header("X-Stamp"));
            assertEquals("stamped", client.get("/unknown").header("X-Stamp"));
        });
    }

    @Test
    void corsRejectsAWildcardWithCredentials() {
        var e = assertThrows(IllegalStateException.class,
                () -> dev.strand.middleware.Cors.builder().allowOrigins("*").allowCredentials(true).build());
        assertEquals(true, e.getMessage().contains("cannot be combined with allowCredentials(true)"), e.getMessage());
    }
}
