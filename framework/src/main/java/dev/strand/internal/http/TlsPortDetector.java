package dev.strand.internal.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.DetectorConnectionFactory;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.Callback;

/**
 * The first step of a connection to the HTTPS port: TLS goes on to the {@link SslConnectionFactory};
 * anything else (most often plain HTTP from an {@code http://} URL) gets a fixed 400 saying to use
 * {@code https://}, and the connection closes, instead of a handshake failure the user cannot read.
 */
final class TlsPortDetector extends DetectorConnectionFactory {
    private static final String BODY = "This port speaks HTTPS; use an https:// URL.\n";
    private static final ByteBuffer ANSWER = ByteBuffer.wrap(("HTTP/1.1 400 Bad Request\r\n"
            + "Content-Type: text/plain; charset=utf-8\r\n"
            + "Content-Length: " + BODY.length() + "\r\n"
            + "Connection: close\r\n\r\n" + BODY).getBytes(StandardCharsets.US_ASCII)).asReadOnlyBuffer();

    TlsPortDetector(SslConnectionFactory tls) {
        super(tls);
    }

    @Override
    protected void nextProtocol(Connector connector, EndPoint endPoint, ByteBuffer buffer) {
        endPoint.write(Callback.from(() -> endPoint.close()), ANSWER.duplicate());
    }
}
