package dev.strand.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strand.Strand;
import dev.strand.annotation.Get;
import dev.strand.test.StrandTest;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ServerOptionsTest {

    public static final class Api {
        @Get("/ok")
        public String ok() {
            return "ok";
        }
    }

    private static Socket connect(URI base, int readTimeoutMs) throws IOException {
        var socket = new Socket();
        socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 5000);
        socket.setSoTimeout(readTimeoutMs);
        return socket;
    }

    private static String request(Socket socket) throws IOException {
        socket.getOutputStream().write("GET /ok HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        return readResponse(socket.getInputStream());
    }

    private static String readResponse(InputStream in) throws IOException {
        var sb = new StringBuilder();
        while (!sb.toString().endsWith("ok")) {
            int b = in.read();
            if (b < 0) break;
            sb.append((char) b);
        }
        return sb.toString();
    }

    @Test
    void maxConnectionsHoldsFurtherClientsUntilASlotFrees() throws Exception {
        StrandTest.run(Strand.builder().controllers(new Api()).configure(c -> c.maxConnections(2)), (server, client) -> {
            var base = client.base();
            try (var first = connect(base, 10_000); var second = connect(base, 10_000); var third = connect(base, 500)) {
                assertTrue(request(first).startsWith("HTTP/1.1 200"));
                assertTrue(request(second).startsWith("HTTP/1.1 200"));
                third.getOutputStream().write("GET /ok HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                assertThrows(SocketTimeoutException.class, () -> third.getInputStream().read(),
                        "a third connection must wait while two are open");
                first.close();
                third.setSoTimeout(10_000);
                assertTrue(readResponse(third.getInputStream()).startsWith("HTTP/1.1 200"));
            }
        });
    }

    @Test
    void anIdleConnectionIsClosedAfterTheIdleTimeout() throws Exception {
        StrandTest.run(Strand.builder().controllers(new Api()).configure(c -> c.idleTimeout(Duration.ofMillis(300))),
                (server, client) -> {
                    try (var socket = connect(client.base(), 10_000)) {
                        assertTrue(request(socket).startsWith("HTTP/1.1 200"));
                        assertEquals(-1, socket.getInputStream().read(), "the server closes the idle connection");
                    }
                });
    }

    @Test
    void portZeroIsReportedBackAndTheUriPointsAtIt() throws Exception {
        StrandTest.run(Strand.builder().controllers(new Api()), (server, client) -> {
            assertTrue(server.port() > 0);
            assertEquals(URI.create("http://127.0.0.1:" + server.port() + "/"), server.uri());
            assertEquals("ok", client.get("/ok").body());
        });
    }
}
