package dev.strand.tests.corpus;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * One HTTP/1.1 response as it came off the wire, parsed from the bytes a raw socket read: status,
 * header lines in order, and the body with its framing (Content-Length or chunked) removed.
 *
 * @param status  the status code
 * @param headers the header lines as {@code name: value}
 * @param body    the body, decoded from its framing
 */
record RawResponse(int status, List<String> headers, byte[] body) {

    /** The first value of a header, or {@code null}. */
    String header(String name) {
        var prefix = name.toLowerCase(Locale.ROOT) + ":";
        for (var line : headers) {
            if (line.toLowerCase(Locale.ROOT).startsWith(prefix)) return line.substring(prefix.length()).strip();
        }
        return null;
    }

    String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        var text = bodyText();
        return status + " " + headers + (text.isEmpty() ? "" : " " + (text.length() > 200 ? text.substring(0, 200) + "…" : text).strip());
    }

    /**
     * Every response in {@code bytes}, in order. Parsing stops after a 101 (what follows is
     * WebSocket frames) and at bytes that are not a response.
     */
    static List<RawResponse> parseAll(byte[] bytes, boolean head) {
        var responses = new ArrayList<RawResponse>();
        var at = new int[] {0};
        while (at[0] < bytes.length) {
            var statusLine = line(bytes, at);
            if (statusLine == null || !statusLine.startsWith("HTTP/1.")) break;
            int status = Integer.parseInt(statusLine.substring(9, 12));
            var headers = new ArrayList<String>();
            for (String line; (line = line(bytes, at)) != null && !line.isEmpty(); ) headers.add(line);
            var response = new RawResponse(status, headers, new byte[0]);
            if (status == 101) {
                responses.add(response);
                break;
            }
            byte[] body;
            if (head || status == 204 || status == 304 || status < 200) {
                body = new byte[0];
            } else if ("chunked".equalsIgnoreCase(response.header("Transfer-Encoding"))) {
                body = dechunk(bytes, at);
            } else if (response.header("Content-Length") != null) {
                int length = Integer.parseInt(response.header("Content-Length"));
                int end = Math.min(bytes.length, at[0] + length);
                body = Arrays.copyOfRange(bytes, at[0], end);
                at[0] = end;
            } else {
                body = Arrays.copyOfRange(bytes, at[0], bytes.length);
                at[0] = bytes.length;
            }
            responses.add(new RawResponse(status, headers, body));
        }
        return responses;
    }

    private static byte[] dechunk(byte[] bytes, int[] at) {
        var out = new ByteArrayOutputStream();
        for (String size; (size = line(bytes, at)) != null; ) {
            int semicolon = size.indexOf(';');
            int length = Integer.parseInt((semicolon < 0 ? size : size.substring(0, semicolon)).strip(), 16);
            if (length == 0) {
                while ((size = line(bytes, at)) != null && !size.isEmpty()) {
                    // trailer fields
                }
                break;
            }
            int end = Math.min(bytes.length, at[0] + length);
            out.write(bytes, at[0], end - at[0]);
            at[0] = end;
            line(bytes, at);
        }
        return out.toByteArray();
    }

    /** The next CRLF-terminated line from {@code at}, or {@code null} when none is complete. */
    private static String line(byte[] bytes, int[] at) {
        for (int i = at[0]; i + 1 < bytes.length; i++) {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
                var line = new String(bytes, at[0], i - at[0], StandardCharsets.ISO_8859_1);
                at[0] = i + 2;
                return line;
            }
        }
        return null;
    }
}
