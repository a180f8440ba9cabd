package dev.strand.test;

import java.net.http.HttpHeaders;

/**
 * The server's answer to a WebSocket upgrade it refused.
 *
 * @param status  the HTTP status, e.g. 401 or 403
 * @param headers the response headers
 * @param body    the response body, when the JDK kept it
 */
public record WsHandshake(int status, HttpHeaders headers, String body) {
    /** The first value of a header, or {@code null}. */
    public String header(String name) {
        return headers.firstValue(name).orElse(null);
    }
}
