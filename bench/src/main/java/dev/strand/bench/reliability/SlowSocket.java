package dev.strand.bench.reliability;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A WebSocket subscriber that reads slowly: {@link #CHUNK} bytes every {@link #PAUSE_MS} ms, with
 * a small receive buffer, until {@link #drain()} lets it read at full speed to the end. A raw
 * socket rather than a WebSocket client, whose reading a test cannot slow down; it parses the
 * server's frames only to find the close frame and its code.
 */
final class SlowSocket implements AutoCloseable {

    static final int CHUNK = 512;
    static final int PAUSE_MS = 250;

    /** The close code the server sent; -1 when the connection ended without a close frame. */
    final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
    private final Socket socket;
    private volatile boolean slow = true;

    private SlowSocket(Socket socket) {
        this.socket = socket;
    }

    /** Opens a WebSocket to {@code path} and starts reading slowly on a thread of its own. */
    static SlowSocket open(int port, String path) throws IOException {
        var socket = new Socket();
        socket.setReceiveBufferSize(4096);
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
        var key = new byte[16];
        ThreadLocalRandom.current().nextBytes(key);
        socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port
                + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: "
                + Base64.getEncoder().encodeToString(key) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        var in = socket.getInputStream();
        var head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            var b = in.read();
            if (b < 0) {
                throw new EOFException("the server closed during the handshake: " + head);
            }
            head.append((char) b);
        }
        if (!head.toString().startsWith("HTTP/1.1 101")) {
            throw new IOException("the upgrade was refused: " + head);
        }
        var slowSocket = new SlowSocket(socket);
        // A platform thread: the driver's virtual threads are busy with 10,000 subscribers, and a
        // virtual reader could wait behind them long after the server closed its connection.
        Thread.ofPlatform().daemon().name("slow-reader").start(slowSocket::read);
        return slowSocket;
    }

    /** Reads at full speed from now on, so that the close frame behind the backlog arrives. */
    void drain() {
        slow = false;
    }

    private void read() {
        try (var frames = new DataInputStream(new BufferedInputStream(new Throttled(socket.getInputStream()), CHUNK))) {
            while (true) {
                var opcode = frames.readUnsignedByte() & 0x0F;
                long length = frames.readUnsignedByte() & 0x7F;
                if (length == 126) {
                    length = frames.readUnsignedShort();
                } else if (length == 127) {
                    length = frames.readLong();
                }
                var payload = frames.readNBytes((int) length);
                if (opcode == 0x8) {
                    closeCode.complete(payload.length >= 2 ? ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF) : 1005);
                    return;
                }
            }
        } catch (IOException e) {
            closeCode.complete(-1);
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    /**
     * Hands out at most {@link #CHUNK} bytes per read, a pause before each, while reading slowly;
     * read through a buffer of that size, so that single-byte reads do not pause each.
     */
    private final class Throttled extends FilterInputStream {
        Throttled(InputStream in) {
            super(in);
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (!slow) {
                return super.read(b, off, len);
            }
            try {
                Thread.sleep(PAUSE_MS);
            } catch (InterruptedException e) {
                throw new IOException(e);
            }
            return super.read(b, off, Math.min(len, CHUNK));
        }
    }
}
