package dev.strand.test;

import dev.strand.Strand;

/**
 * Runs a Strand app on a random loopback port for the length of a test.
 *
 * {@snippet :
 * StrandTest.run(Strand.builder().controllers(new HelloController()), (server, client) -> {
 *     var response = client.get("/hello/ada");
 *     assertEquals(200, response.status());
 *     assertEquals("Hello, ada", response.body());
 * });
 * }
 *
 * For a server shared by a whole test class, see {@link StrandExtension}.
 */
public final class StrandTest {
    private StrandTest() {
    }

    /** A test that talks to a running server. */
    @FunctionalInterface
    public interface Body {
        void accept(Strand server, TestClient client) throws Exception;
    }

    /** Starts {@code app} on 127.0.0.1 and a free port, runs {@code body}, and stops the server, also when the body fails. */
    public static void run(Strand.Builder app, Body body) throws Exception {
        try (var running = start(app)) {
            body.accept(running.server(), running.client());
        }
    }

    /** Starts {@code app} on 127.0.0.1 and a free port; close the result to stop it. */
    public static TestApp start(Strand.Builder app) {
        var server = app.host("127.0.0.1").port(0).start();
        return new TestApp(server, new TestClient(server.uri()));
    }

    /**
     * A started app and a client for it.
     *
     * @param server the running server
     * @param client a client bound to its base URI
     */
    public record TestApp(Strand server, TestClient client) implements AutoCloseable {
        /** Stops the server and the client. */
        @Override
        public void close() {
            try {
                server.stop();
            } finally {
                client.close();
            }
        }
    }
}
