package dev.strand.fuzz;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * An HTTP/1.1 client that sends requests exactly as given, byte for byte, over one kept-alive
 * loopback connection, so fuzz targets can reach the server with what no well-behaved client
 * would send. It opens a new connection when the server closed the last one. Not thread-safe.
 */
public final class RawHttp implements AutoCloseable {
    /** Generous: under fuzzing the first requests load and instrument hundreds of classes. */
    private static final int TIMEOUT_MILLIS = 60_000;
    private static final Pattern STATUS_LINE = Pattern.compile("HTTP/1\\.[01] [0-9]{3}( .*)?");
    private final int port;
    private Socket socket;
    private InputStream in;
    private byte[] previous;

    /** A response: status, headers by lower-case name (the last of repeated ones), the body. */
    public record Response(int status, Map<String, String> headers, byte[] body) {
        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    public RawHttp(int port) {
        this.port = port;
    }

    /**
     * A request target made of {@code prefix} and then any bytes, with the space, CR and LF that
     * would end the request line turned into {@code _}.
     */
    public static byte[] target(String prefix, byte[] rest) {
        var target = Arrays.copyOf(prefix.getBytes(StandardCharsets.US_ASCII), prefix.length() + rest.length);
        for (int i = 0; i < rest.length; i++) {
            byte b = rest[i];
            target[prefix.length() + i] = b == ' ' || b == '\r' || b == '\n' ? (byte) '_' : b;
        }
        return target;
    }

    /** A GET of {@code target} (path and query, as sent) with extra header lines, each without CRLF. */
    public Response get(byte[] target, byte[]... headerLines) {
        var request = new ByteArrayOutputStream();
        request.writeBytes("GET ".getBytes(StandardCharsets.US_ASCII));
        request.writeBytes(target);
        request.writeBytes(" HTTP/1.1\r\nHost: 127.0.0.1\r\n".getBytes(StandardCharsets.US_ASCII));
        for (var line : headerLines) {
            request.writeBytes(line);
            request.writeBytes(new byte[] {'\r', '\n'});
        }
        request.writeBytes(new byte[] {'\r', '\n'});
        return exchange(request.toByteArray());
    }

    /**
     * Sends one whole request and reads its response.
     *
     * @throws UncheckedIOException when the server closes without answering, takes over 60 s, or
     *                              answers with something that is not an HTTP/1.1 response (the
     *                              message then shows the request before it on the connection)
     */
    public Response exchange(byte[] request) {
        boolean reused = socket != null;
        try {
            try {
                return send(request);
            } catch (ClosedBeforeResponse e) {
                if (!reused) throw e;
                // A server may close a kept-alive connection after any response (Jetty does after a
                // request it could not parse): as HTTP clients do, try once more on a new one.
                close();
                return send(request);
            }
        } catch (IOException e) {
            close();
            throw new UncheckedIOException("no response to " + text(request)
                    + (previous == null ? "" : " (the request before it on the connection: " + text(previous) + ")"), e);
        } finally {
            previous = socket == null ? null : request;
        }
    }

    private Response send(byte[] request) throws IOException {
        if (socket == null) connect();
        try {
            socket.getOutputStream().write(request);
            in.mark(1);
            if (in.read() < 0) throw new ClosedBeforeResponse(null);
            in.reset();
        } catch (SocketException e) {
            throw new ClosedBeforeResponse(e);
        }
        var response = read();
        if ("close".equalsIgnoreCase(response.headers().get("connection"))) close();
        return response;
    }

    private static String text(byte[] request) {
        return "'" + new String(request, StandardCharsets.ISO_8859_1) + "'";
    }

    /** The connection ended before the first byte of a response. */
    private static final class ClosedBeforeResponse extends IOException {
        ClosedBeforeResponse(SocketException cause) {
            super("connection closed before a response", cause);
        }
    }

    private void connect() throws IOException {
        socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setSoTimeout(TIMEOUT_MILLIS);
        socket.setTcpNoDelay(true);
        in = new BufferedInputStream(socket.getInputStream());
    }

    private Response read() throws IOException {
        var statusLine = line();
        if (!STATUS_LINE.matcher(statusLine).matches()) {
            var rest = in.readNBytes(Math.min(in.available(), 512));
            throw new IOException("not an HTTP/1.1 status line: '" + statusLine + "' on the connection from port "
                    + socket.getLocalPort() + " to " + socket.getPort() + ", then '" + new String(rest, StandardCharsets.ISO_8859_1) + "'");
        }
        int status = Integer.parseInt(statusLine.substring(9, 12));
        var headers = new HashMap<String, String>();
        for (String line; !(line = line()).isEmpty(); ) {
            int colon = line.indexOf(':');
            headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
        }
        byte[] body;
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = chunks();
        } else if (headers.containsKey("content-length")) {
            body = in.readNBytes(Integer.parseInt(headers.get("content-length")));
        } else if (status == 204 || status == 304 || status / 100 == 1) {
            body = new byte[0];
        } else {
            body = in.readAllBytes();
            close();
        }
        return new Response(status, headers, body);
    }

    private byte[] chunks() throws IOException {
        var body = new ByteArrayOutputStream();
        for (int size; (size = Integer.parseInt(line().split(";", 2)[0].trim(), 16)) > 0; ) {
            body.writeBytes(in.readNBytes(size));
            line();
        }
        while (!line().isEmpty()) {
            // trailer fields, unused
        }
        return body.toByteArray();
    }

    /** A line without its CRLF, read as ISO-8859-1. */
    private String line() throws IOException {
        var sb = new StringBuilder();
        for (int b; (b = in.read()) != '\n'; ) {
            if (b < 0) throw new IOException("connection closed mid-response");
            if (b != '\r') sb.append((char) b);
        }
        return sb.toString();
    }

    @Override
    public void close() {
        if (socket == null) return;
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing a socket the server already closed
        } finally {
            socket = null;
        }
    }
}
