package dev.strand.tests.websocket;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * A WebSocket peer over a plain socket: it completes the handshake, then sends only the bytes it is
 * given and answers nothing by itself, so it can play a vanished client or one that breaks the
 * protocol.
 */
public final class RawWebSocket implements AutoCloseable {
    private final Socket socket;

    private RawWebSocket(Socket socket) {
        this.socket = socket;
    }

    /**
     * Connects to the server at {@code base} and upgrades {@code path}; reads wait at most 10 s.
     *
     * @throws IOException when the server refuses the upgrade, naming its answer
     */
    public static RawWebSocket open(URI base, String path) throws IOException {
        var socket = new Socket();
        socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 5000);
        socket.setSoTimeout(10_000);
        var request = "GET " + path + " HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort() + "\r\n"
                + "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                + "Sec-WebSocket-Version: 13\r\n\r\n";
        socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
        var head = readHead(socket.getInputStream());
        if (!head.startsWith("HTTP/1.1 101")) throw new IOException("upgrade refused: " + head);
        return new RawWebSocket(socket);
    }

    private static String readHead(InputStream in) throws IOException {
        var sb = new StringBuilder();
        while (!sb.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) break;
            sb.append((char) b);
        }
        return sb.toString();
    }

    /** Sends bytes exactly as given: frames, well-formed or not. */
    public void send(byte[] bytes) throws IOException {
        socket.getOutputStream().write(bytes);
    }

    /** What the server sends after the handshake. */
    public InputStream input() throws IOException {
        return socket.getInputStream();
    }

    /** Reads (and ignores) whatever the server sends until it closes the connection; false on timeout. */
    public boolean readsUntilEof() throws IOException {
        var in = socket.getInputStream();
        var buffer = new byte[1024];
        try {
            while (in.read(buffer) >= 0) {
                // pings we never answer
            }
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
