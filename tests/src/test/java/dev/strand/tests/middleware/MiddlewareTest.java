package dev.strand.tests.middleware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strand.Context;
import dev.strand.HttpException;
import dev.strand.Middleware;
import dev.strand.Strand;
import dev.strand.annotation.Get;
import dev.strand.annotation.Use;
import dev.strand.test.StrandExtension;
import dev.strand.test.TestClient;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class MiddlewareTest {
    static final List<String> trail = new CopyOnWriteArrayList<>();
    static final Context.Key<String> USER = Context.Key.of("user", String.class);

    /** Records "name>" before the rest of the chain and "<name status" after it. */
    static Middleware step(String name) {
        return new Middleware() {
            @Override
            public void handle(Context ctx, Chain chain) throws Exception {
                trail.add(name + ">");
                chain.proceed();
                trail.add("<" + name + " " + ctx.responseStatus());
            }

            @Override
            public String toString() {
                return name;
            }
        };
    }

    public static final class Auth implements Middleware {
        @Override
        public void handle(Context ctx, Chain chain) throws Exception {
            trail.add("auth>");
            if (!"secret".equals(ctx.header("X-Token"))) throw new HttpException(401, "who are you?");
            ctx.attribute(USER, "ada");
            chain.proceed();
        }
    }

    public static final class Audit implements Middleware {
        @Override
        public void handle(Context ctx, Chain chain) throws Exception {
            trail.add("audit>");
            ctx.setResponseHeader("X-Audited", "yes");
            chain.proceed();
        }
    }

    @Use(Auth.class)
    public static final class Secure {
        @Get("/secure/me")
        public String me(Context ctx) {
            trail.add("handler");
            return ctx.attribute(USER);
        }

        @Use(Audit.class)
        @Get("/secure/audited")
        public String audited() {
            trail.add("handler");
            return "audited";
        }

        @Get("/secure/boom")
        public String boom() {
            trail.add("handler");
            throw new IllegalStateException("boom");
        }
    }

    public static final class Open {
        @Get("/open")
        public String open() {
            trail.add("handler");
            return "open";
        }

        @Get("/missing")
        public String missing() {
            throw new NoSuchElementException("no such thing");
        }

        @Get("/teapot")
        public String teapot() {
            throw new UnsupportedOperationException("short and stout");
        }
    }

    @RegisterExtension
    static final StrandExtension app = new StrandExtension(() -> Strand.builder()
            .controllers(new Secure(), new Open())
            .use(step("b"), Middleware.ordered(-10, step("a")), step("c"))
            .exception(NoSuchElementException.class, (e, ctx) -> ctx.setResponseStatus(404).setResponseBody(Map.of("missing", e.getMessage())))
            .exception(RuntimeException.class, (e, ctx) -> {
                if (e instanceof UnsupportedOperationException) ctx.setResponseStatus(418).setResponseBody("mapped: " + e.getMessage());
                else throw e;
            }));

    @BeforeEach
    void clear() {
        trail.clear();
    }

    @Test
    void runsByOrderThenRegistrationAroundTheHandler(TestClient client) {
        assertEquals("open", client.get("/open").body());
        assertEquals(List.of("a>", "b>", "c>", "handler", "<c 200", "<b 200", "<a 200"), trail);
    }

    @Test
    void aMiddlewareStopsTheChainByAnswering(TestClient client) {
        var r = client.get("/secure/me");
        assertEquals(401, r.status());
        assertEquals("who are you?\n", r.body());
        assertEquals(List.of("a>", "b>", "c>", "auth>", "<c 401", "<b 401", "<a 401"), trail);
    }

    @Test
    void attributesSetByMiddlewareReachTheHandler(TestClient client) {
        assertEquals("ada", client.get("/secure/me", "X-Token", "secret").body());
    }

    @Test
    void classThenRouteMiddlewareRunAfterGlobal(TestClient client) {
        var r = client.get("/secure/audited", "X-Token", "secret");
        assertEquals("yes", r.header("X-Audited"));
        assertEquals(List.of("a>", "b>", "c>", "auth>", "audit>", "handler", "<c 200", "<b 200", "<a 200"), trail);
    }

    @Test
    void responseMiddlewareRunsAfterAHandlerThrew(TestClient client) {
        var r = client.get("/secure/boom", "X-Token", "secret");
        assertEquals(500, r.status());
        assertEquals(List.of("a>", "b>", "c>", "auth>", "handler", "<c 500", "<b 500", "<a 500"), trail);
    }

    @Test
    void globalMiddlewareRunsFor404And405Too(TestClient client) {
        assertEquals(404, client.get("/nowhere").status());
        assertEquals(List.of("a>", "b>", "c>", "<c 404", "<b 404", "<a 404"), trail);
    }

    @Test
    void exceptionHandlersMapTypesMostSpecificFirst(TestClient client) {
        var missing = client.get("/missing");
        assertEquals(404, missing.status());
        assertEquals("no such thing", missing.json().get("missing").asText());
        var teapot = client.get("/teapot");
        assertEquals(418, teapot.status());
        assertEquals("mapped: short and stout", teapot.body());
    }

    @Test
    void anExceptionHandlerThatThrowsGivesAPlain500(TestClient client) {
        var r = client.get("/secure/boom", "X-Token", "secret");
        assertEquals(500, r.status());
        assertTrue(r.body().startsWith("Internal Server Error (error id "), r.body());
    }
}
