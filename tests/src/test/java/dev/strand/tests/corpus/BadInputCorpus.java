package dev.strand.tests.corpus;

import static dev.strand.tests.corpus.BadInput.Kind.BODY;
import static dev.strand.tests.corpus.BadInput.Kind.ENCODING;
import static dev.strand.tests.corpus.BadInput.Kind.FORMS;
import static dev.strand.tests.corpus.BadInput.Kind.HEADERS;
import static dev.strand.tests.corpus.BadInput.Kind.JSON;
import static dev.strand.tests.corpus.BadInput.Kind.PROXY;
import static dev.strand.tests.corpus.BadInput.Kind.REQUEST_LINE;
import static dev.strand.tests.corpus.BadInput.Kind.SMUGGLING;
import static dev.strand.tests.corpus.BadInput.Kind.SSE;
import static dev.strand.tests.corpus.BadInput.Kind.WS_FRAMES;
import static dev.strand.tests.corpus.BadInput.Kind.WS_HANDSHAKE;
import static dev.strand.tests.corpus.WsFrame.BINARY;
import static dev.strand.tests.corpus.WsFrame.CLOSE;
import static dev.strand.tests.corpus.WsFrame.CONTINUATION;
import static dev.strand.tests.corpus.WsFrame.PING;
import static dev.strand.tests.corpus.WsFrame.PONG;
import static dev.strand.tests.corpus.WsFrame.TEXT;

import dev.strand.tests.corpus.BadInput.Answer;
import dev.strand.tests.corpus.BadInput.Check;
import dev.strand.tests.corpus.BadInput.Closes;
import dev.strand.tests.corpus.BadInput.Expected;
import dev.strand.tests.corpus.BadInput.Frames;
import dev.strand.tests.corpus.BadInput.Kind;
import dev.strand.tests.corpus.BadInput.Request;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The bad-input corpus: every row an input a client could send to {@link CorpusApp}, with the
 * exact answer the RFCs (or Strand's documented limits) call for. Where an RFC lets a server
 * choose (reject or repair, 406 or ignore), the row says which choice Strand makes and cites
 * the section that allows it.
 *
 * <p>Request text is sent byte for byte: each char is one byte, so {@code \u00ff} is the byte
 * 0xFF and {@link #utf8(String)} spells UTF-8 bytes.
 */
final class BadInputCorpus {
    private static final String HOST = "Host: corpus";
    private static final String KEY = "dGhlIHNhbXBsZSBub25jZQ==";

    private BadInputCorpus() {
    }

    static List<BadInput> rows() {
        var rows = new ArrayList<BadInput>();
        requestLine(rows);
        headers(rows);
        smuggling(rows);
        encoding(rows);
        bodies(rows);
        json(rows);
        forms(rows);
        proxy(rows);
        wsHandshake(rows);
        wsFrames(rows);
        sse(rows);
        return rows;
    }

    // ---- HTTP request line ------------------------------------------------------------------

    private static void requestLine(List<BadInput> rows) {
        var k = REQUEST_LINE;
        rows.add(row(k, "not a request line", raw("GARBAGE\r\n\r\n"), status(400), "RFC 9112 §3"));
        rows.add(row(k, "method only", raw("GET\r\n\r\n"), status(400), "RFC 9112 §3"));
        rows.add(row(k, "HTTP/0.9 request without a version", raw("GET /ok\r\n\r\n"), status(505), "RFC 9110 §15.6.6: 0.9 is another major version"));
        rows.add(row(k, "version HTTP/9.9", raw("GET /ok HTTP/9.9\r\n" + HOST + "\r\n\r\n"), status(505), "RFC 9110 §15.6.6"));
        rows.add(row(k, "version HTTP/2.0 in an HTTP/1 request line", raw("GET /ok HTTP/2.0\r\n" + HOST + "\r\n\r\n"), status(505), "RFC 9110 §15.6.6"));
        rows.add(row(k, "protocol name HTTX", raw("GET /ok HTTX/1.1\r\n" + HOST + "\r\n\r\n"), status(505), "RFC 9112 §2.3 makes it malformed (400); Jetty's parser answers any protocol token it does not know with 505 Unknown Version, before Strand sees the line"));
        rows.add(row(k, "lower-case protocol name http/1.1", raw("GET /ok http/1.1\r\n" + HOST + "\r\n\r\n"), status(200), "RFC 9112 §2.3: HTTP-name is case-sensitive, but Jetty reads the version case-insensitively and no compliance mode changes that: served, harmlessly"));
        rows.add(row(k, "a fourth token after the version", raw("GET /ok HTTP/1.1 extra\r\n" + HOST + "\r\n\r\n"), status(400), "RFC 9112 §3"));
        rows.add(row(k, "space inside the target", raw("GET /o k HTTP/1.1\r\n" + HOST + "\r\n\r\n"), status(400), "RFC 9112 §3"));
        rows.add(row(k, "space before the method", raw(" GET /ok HTTP/1.1\r\n" + HOST + "\r\n\r\n"), status(400), "RFC 9112 §3"));
        rows.add(row(k, "empty line before the request line", raw("\r\nGET /ok HTTP/1.1\r\n" + HOST + "\r\n\r\n"), status(200), "RFC 9112 §2.2: SHOULD ignore at least one empty line"));
        rows.add(row(k, "control byte in the method", raw("G\u0001T /ok HTTP/1.1\r\n" + HOST + "\r\n\r\n"), status(400), "RFC 9110 §9.1: method = token"));
        rows.add(row(k, "delimiter in the method", raw("G(T /ok HTTP/1.1\r\n" + HOST + "\r\n\r\n"), status(400), "RFC 9110 §9.1: method = token"));
        rows.add(row(k, "method no route knows", get("FOO", "/ok"), status(501), "RFC 9110 §9.1: unrecognized method SHOULD get 501"));
        rows.add(row(k, "lower-case get (methods are case-sensitive)", get("get", "/ok"), status(501), "RFC 9110 §9.1"));
        rows.add(row(k, "known method the route does not take", get("PUT", "/ok"), status(405, header("Allow", "GET, HEAD, OPTIONS")), "RFC 9110 §15.5.6: 405 MUST send Allow"));
        rows.add(row(k, "target without a leading slash", raw("GET ok HTTP/1.1\r\n" + HOST + "\r\n\r\n"), status(400), "RFC 9112 §3.2"));
        rows.add(row(k, "NUL byte in the target", raw("GET /o\u0000k HTTP/1.1\r\n" + HOST + "\r\n\r\n"), status(400), "RFC 9112 §3.2, RFC 3986 §3.3"));
        rows.add(row(k, "DEL byte in the target", raw("GET /o\u007fk HTTP/1.1\r\n" + HOST + "\r\n\r\n"), status(400), "RFC 3986 §3.3"));
        rows.add(row(k, "byte 0xFF in the target", raw("GET /files/\u00ff HTTP/1.1\r\n" + HOST + "\r\n\r\n"), status(400), "RFC 3986 §3.3"));
        rows.add(row(k, "fragment in the target", get("GET", "/ok#top"), status(400), "RFC 9112 §3.2: origin-form has no fragment"));
        rows.add(row(k, "absolute-form target", get("GET", "http://corpus/ok"), status(200), "RFC 9112 §3.2.2: a server MUST accept absolute-form"));
        rows.add(row(k, "absolute-form naming another host than Host", get("GET", "http://elsewhere.example/ok"), status(400), "RFC 9112 §3.2.2 says Host is ignored; Jetty refuses the mismatch (Authority!=Host), which Strand keeps: a proxy that sends it is confused, and Host decides the origin check"));
        rows.add(row(k, "absolute-form with user info", get("GET", "http://user:pw@corpus/ok"), status(400), "RFC 9110 §4.2.4: userinfo SHOULD be an error"));
        rows.add(row(k, "absolute-form with a port that is not a number", get("GET", "http://corpus:http/ok"), status(400), "RFC 3986 §3.2.3"));
        rows.add(row(k, "asterisk-form with GET", get("GET", "*"), status(400), "RFC 9112 §3.2.4: only for OPTIONS"));
        rows.add(row(k, "dot segments above the root", get("GET", "/../ok"), status(400), "RFC 3986 §5.2.4"));
        rows.add(row(k, "request line longer than the header limit", get("GET", "/search?token=" + "a".repeat(9000)), status(414), "RFC 9112 §3: MUST 414"));
        rows.add(row(k, "target longer than maxUriLength (4096)", get("GET", "/search?token=" + "a".repeat(5000)), status(414), "Strand limit maxUriLength; RFC 9110 §15.5.15"));
    }

    // ---- HTTP headers -----------------------------------------------------------------------

    private static void headers(List<BadInput> rows) {
        var k = HEADERS;
        rows.add(row(k, "header line without a colon", get("GET", "/ok", "X-Note nothing"), status(400), "RFC 9112 §5"));
        rows.add(row(k, "obs-fold continuation line", get("GET", "/ok", "X-Note: one\r\n two"), status(400), "RFC 9112 §5.2: reject or replace; Jetty rejects"));
        rows.add(row(k, "whitespace between name and colon", get("GET", "/ok", "X-Note : x"), status(400), "RFC 9112 §5.1: MUST 400"));
        rows.add(row(k, "whitespace line before the first header", raw("GET /ok HTTP/1.1\r\n X-Note: x\r\n" + HOST + "\r\n\r\n"), status(400), "RFC 9112 §2.2"));
        rows.add(row(k, "HTTP/1.1 without Host", raw("GET /ok HTTP/1.1\r\n\r\n"), status(400), "RFC 9112 §3.2: MUST 400"));
        rows.add(row(k, "two Host headers", get("GET", "/ok", "Host: other"), status(400), "RFC 9112 §3.2: MUST 400"));
        rows.add(row(k, "Host with a space", raw("GET /ok HTTP/1.1\r\nHost: cor pus\r\n\r\n"), status(400), "RFC 9112 §3.2: MUST 400"));
        rows.add(row(k, "Host with a port that is not a number", raw("GET /ok HTTP/1.1\r\nHost: corpus:http\r\n\r\n"), status(400), "RFC 9112 §3.2"));
        rows.add(row(k, "Host with user info", raw("GET /ok HTTP/1.1\r\nHost: user@corpus\r\n\r\n"), status(400), "RFC 9112 §3.2, RFC 9110 §4.2.4"));
        rows.add(row(k, "HTTP/1.0 without Host", raw("GET /ok HTTP/1.0\r\n\r\n"), status(200), "RFC 9112 §3.2: Host is required from 1.1 on"));
        rows.add(row(k, "NUL in a header value", get("GET", "/ok", "X-Note: a\u0000b"), status(400), "RFC 9110 §5.5: MUST reject or replace"));
        rows.add(row(k, "NUL in a header name", get("GET", "/ok", "X-No\u0000te: x"), status(400), "RFC 9110 §5.1: field-name = token"));
        rows.add(row(k, "bare CR inside a header value", get("GET", "/ok", "X-Note: a\rb"), status(400), "RFC 9112 §2.2: MUST reject or replace"));
        rows.add(row(k, "space inside a header name", get("GET", "/ok", "X Note: x"), status(400), "RFC 9110 §5.1"));
        rows.add(row(k, "empty header name", get("GET", "/ok", ": x"), status(400), "RFC 9110 §5.1"));
        rows.add(row(k, "delimiter in a header name", get("GET", "/ok", "X(Note): x"), status(400), "RFC 9110 §5.1"));
        rows.add(row(k, "one header line of 9 KiB", get("GET", "/ok", "X-Big: " + "b".repeat(9 * 1024)), status(431), "Strand limit maxHeaderSize (8 KiB); RFC 6585 §5"));
        rows.add(row(k, "400 small headers over 8 KiB in all", get("GET", "/ok", manyHeaders(400)), status(431), "Strand limit maxHeaderSize; RFC 6585 §5"));
        rows.add(row(k, "Latin-1 byte in a header value (obs-text)", get("GET", "/ok", "X-Note: caf\u00e9"), status(200), "RFC 9110 §5.5: obs-text is allowed"));
        rows.add(row(k, "Expect with an unknown expectation", get("GET", "/ok", "Expect: teapot"), status(417), "RFC 9110 §10.1.1"));
        rows.add(row(k, "cookie without a name", get("GET", "/cookie", "Cookie: =x; session=s1"), status(200, bodyIs("session s1")), "RFC 6265 §5.2: the malformed pair is ignored"));
        rows.add(row(k, "cookie with an unterminated quote", get("GET", "/cookie", "Cookie: session=\"s1"), status(200), "RFC 6265 §5.2: the malformed pair is ignored"));
        rows.add(row(k, "cookie header of separators only", get("GET", "/cookie", "Cookie: ;;;=;=="), status(200, bodyIs("session null")), "RFC 6265 §5.2"));
    }

    // ---- message framing: request smuggling shapes --------------------------------------------

    private static void smuggling(List<BadInput> rows) {
        var k = SMUGGLING;
        var smuggled = "GET /ok HTTP/1.1\r\n" + HOST + "\r\n\r\n";
        rows.add(row(k, "Content-Length and Transfer-Encoding: chunked", post("/bytes", "0\r\n\r\n" + smuggled, "Content-Length: 5", "Transfer-Encoding: chunked"),
                status(400, alone()), "RFC 9112 §6.1: MAY reject, MUST close"));
        rows.add(row(k, "Transfer-Encoding before Content-Length", post("/bytes", "5\r\nhello\r\n0\r\n\r\n", "Transfer-Encoding: chunked", "Content-Length: 3"),
                status(400, alone()), "RFC 9112 §6.1"));
        rows.add(row(k, "Transfer-Encoding: chunked, identity", post("/bytes", "5\r\nhello\r\n0\r\n\r\n" + smuggled, "Transfer-Encoding: chunked, identity"),
                status(400, alone()), "RFC 9112 §6.3: chunked not final, MUST 400 and close"));
        rows.add(row(k, "Transfer-Encoding: gzip without chunked", post("/bytes", "hello", "Transfer-Encoding: gzip"),
                status(400, alone()), "RFC 9112 §6.3: MUST 400 and close"));
        rows.add(row(k, "Transfer-Encoding: xchunked", post("/bytes", "5\r\nhello\r\n0\r\n\r\n", "Transfer-Encoding: xchunked"),
                status(400, alone()), "RFC 9112 §6.3"));
        rows.add(row(k, "Transfer-Encoding: chunked twice", post("/bytes", "5\r\nhello\r\n0\r\n\r\n", "Transfer-Encoding: chunked", "Transfer-Encoding: chunked"),
                status(400, alone()), "RFC 9112 §7: chunked MUST NOT be applied twice"));
        rows.add(row(k, "space before the colon of Transfer-Encoding", post("/bytes", "5\r\nhello\r\n0\r\n\r\n", "Transfer-Encoding : chunked"),
                status(400, alone()), "RFC 9112 §5.1: MUST 400"));
        rows.add(row(k, "Transfer-Encoding folded onto a second line", post("/bytes", "5\r\nhello\r\n0\r\n\r\n", "Transfer-Encoding:\r\n chunked"),
                status(400, alone()), "RFC 9112 §5.2"));
        rows.add(row(k, "Transfer-Encoding in an HTTP/1.0 request", raw("POST /bytes HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n" + smuggled),
                status(200, alone()), "RFC 9112 §6.1: framing is faulty in 1.0, so the connection MUST close after this message"));
        rows.add(row(k, "Transfer-Encoding: Chunked in another case", post("/bytes", "5\r\nhello\r\n0\r\n\r\n", "Transfer-Encoding: Chunked"),
                status(200, bodyIs("5")), "RFC 9112 §7: codings are case-insensitive"));
        rows.add(row(k, "two different Content-Length lines", post("/bytes", "hello" + smuggled, "Content-Length: 5", "Content-Length: 6"),
                status(400, alone()), "RFC 9112 §6.3: MUST 400 and close"));
        rows.add(row(k, "Content-Length: 5, 6", post("/bytes", "hello!", "Content-Length: 5, 6"), status(400, alone()), "RFC 9112 §6.3"));
        rows.add(row(k, "Content-Length: -1", post("/bytes", "hello", "Content-Length: -1"), status(400, alone()), "RFC 9110 §8.6"));
        rows.add(row(k, "Content-Length: abc", post("/bytes", "hello", "Content-Length: abc"), status(400, alone()), "RFC 9110 §8.6"));
        rows.add(row(k, "Content-Length: +5", post("/bytes", "hello", "Content-Length: +5"), status(400, alone()), "RFC 9110 §8.6: 1*DIGIT"));
        rows.add(row(k, "Content-Length: 0x5", post("/bytes", "hello", "Content-Length: 0x5"), status(400, alone()), "RFC 9110 §8.6"));
        rows.add(row(k, "Content-Length past 2^64", post("/bytes", "hello", "Content-Length: 99999999999999999999"), status(400, alone()), "RFC 9110 §8.6: no overflow"));
        rows.add(row(k, "GET whose body looks like a second request", raw("GET /ok HTTP/1.1\r\n" + HOST + "\r\nContent-Length: " + smuggled.length() + "\r\n\r\n" + smuggled),
                status(200, alone()), "RFC 9112 §6.3: the body is read as a body"));
        rows.add(row(k, "chunk size that is not hex", post("/bytes", "zz\r\nhello\r\n0\r\n\r\n", "Transfer-Encoding: chunked"), status(400, alone()), "RFC 9112 §7.1"));
        rows.add(row(k, "negative chunk size", post("/bytes", "-5\r\nhello\r\n0\r\n\r\n", "Transfer-Encoding: chunked"), status(400, alone()), "RFC 9112 §7.1"));
        rows.add(row(k, "chunk size 0x5", post("/bytes", "0x5\r\nhello\r\n0\r\n\r\n", "Transfer-Encoding: chunked"), status(400, alone()), "RFC 9112 §7.1"));
        rows.add(row(k, "chunk size past 2^64", post("/bytes", "fffffffffffffffff1\r\nhello\r\n0\r\n\r\n", "Transfer-Encoding: chunked"), status(400, alone()), "RFC 9112 §7.1"));
        rows.add(row(k, "chunk longer than its size", post("/bytes", "3\r\nhello\r\n0\r\n\r\n", "Transfer-Encoding: chunked"), status(400, alone()), "RFC 9112 §7.1"));
        rows.add(row(k, "chunk data without its CRLF", post("/bytes", "5\r\nhelloXX0\r\n\r\n", "Transfer-Encoding: chunked"), status(400, alone()), "RFC 9112 §7.1"));
        rows.add(row(k, "chunk extension name=value", post("/bytes", "5;name=value\r\nhello\r\n0\r\n\r\n", "Transfer-Encoding: chunked"),
                status(200, bodyIs("5")), "RFC 9112 §7.1.1: unknown extensions are ignored"));
        rows.add(row(k, "chunk extension with a quoted value", post("/bytes", "5;name=\"a b\"\r\nhello\r\n0\r\n\r\n", "Transfer-Encoding: chunked"),
                status(200, bodyIs("5")), "RFC 9112 §7.1.1"));
        rows.add(row(k, "chunk extension with a NUL", post("/bytes", "5;na\u0000me\r\nhello\r\n0\r\n\r\n", "Transfer-Encoding: chunked"),
                status(400, alone()), "RFC 9112 §7.1.1: chunk-ext-name = token"));
        rows.add(row(k, "trailer line without a colon", post("/bytes", "5\r\nhello\r\n0\r\nX Bad\r\n\r\n", "Transfer-Encoding: chunked"),
                status(400, alone()), "RFC 9112 §7.1.2"));
    }

    // ---- percent-encoding and parameter conversion -----------------------------------------------

    private static void encoding(List<BadInput> rows) {
        var k = ENCODING;
        var rule = "RFC 3986 §2.1, RFC 3629 §3; Strand names the parameter";
        for (var bad : List.of("%ZZ", "%", "%2", "%C0%AF", "%FF", "%E2%82", "%ED%A0%80", "%F4%90%80%80")) {
            rows.add(row(k, "query value " + bad, get("GET", "/search?token=" + bad), status(400, bodyNames("token")), rule));
        }
        rows.add(row(k, "query name %ZZ", get("GET", "/search?%ZZ=1"), status(400), "RFC 3986 §2.1"));
        rows.add(row(k, "query value %ZZ in a HEAD request", get("HEAD", "/search?token=%ZZ"), status(400), rule + "; RFC 9110 §9.3.2: no body"));
        rows.add(row(k, "query value %ZZ with Accept: application/json", get("GET", "/search?token=%ZZ", "Accept: application/json"),
                status(400, jsonError(), bodyNames("token")), rule));
        for (var bad : List.of("%ZZ", "%", "%C0%AF", "%FF", "%ED%A0%80")) {
            rows.add(row(k, "path segment " + bad, get("GET", "/files/" + bad), status(400), "RFC 3986 §2.1, RFC 3629 §3"));
        }
        rows.add(row(k, "encoded slash in a segment", get("GET", "/files/a%2Fb"), status(400), "Strand: %2F refused before routing (guides/routing)"));
        rows.add(row(k, "encoded dot-dot segment", get("GET", "/files/%2e%2e"), status(400), "RFC 3986 §5.2.4: ambiguous once decoded"));
        rows.add(row(k, "encoded dot-dot above the root", get("GET", "/%2e%2e/ok"), status(400), "RFC 3986 §5.2.4"));
        rows.add(row(k, "encoded NUL in a segment", get("GET", "/files/a%00b"), status(400), "Jetty refuses an encoded NUL in a path"));
        rows.add(row(k, "valid UTF-8 in a segment", get("GET", "/files/na%C3%AFve"), status(200, bodyIs("file na\u00efve")), "RFC 3986 §2.1"));
        rows.add(row(k, "path parameter that is not a number", get("GET", "/items/abc"), status(400, bodyNames("id")), "Strand: conversion failures are 400"));
        rows.add(row(k, "path parameter past Long.MAX_VALUE", get("GET", "/items/99999999999999999999"), status(400, bodyNames("id")), "Strand: conversion failures are 400"));
        rows.add(row(k, "query parameter that is not a number", get("GET", "/search?limit=abc"), status(400, bodyNames("limit")), "Strand: conversion failures are 400"));
        rows.add(row(k, "query parameter given empty", get("GET", "/search?limit="), status(400, bodyNames("limit")), "Strand: conversion failures are 400"));
        rows.add(row(k, "query parameter 1e3 for an int", get("GET", "/search?limit=1e3"), status(400, bodyNames("limit")), "Strand: conversion failures are 400"));
        rows.add(row(k, "300 query parameters", get("GET", "/search?" + "a=1&".repeat(299) + "a=1"), status(400), "Strand limit maxQueryParams (256)"));
    }

    // ---- bodies ---------------------------------------------------------------------------------

    private static void bodies(List<BadInput> rows) {
        var k = BODY;
        var max = CorpusApp.MAX_BODY;
        rows.add(row(k, "Content-Length over the body limit", post("/bytes", "x".repeat(max + 1)), status(413), "Strand limit maxBodySize; RFC 9110 §15.5.14"));
        rows.add(row(k, "Content-Length of 1 TiB, no body sent", raw("POST /bytes HTTP/1.1\r\n" + HOST + "\r\nContent-Length: 1099511627776\r\n\r\n"),
                status(413), "RFC 9110 §15.5.14"));
        rows.add(row(k, "chunked body over the limit", post("/bytes", chunked("y".repeat(max + 1), 8192), "Transfer-Encoding: chunked"),
                status(413), "Strand limit maxBodySize; RFC 9110 §15.5.14"));
        rows.add(row(k, "body shorter than its Content-Length", raw("POST /bytes HTTP/1.1\r\n" + HOST + "\r\nContent-Length: 10\r\n\r\nhello"),
                status(400), "RFC 9112 §8: MAY answer an incomplete message before closing"));
        rows.add(row(k, "chunked body cut off before the last chunk", post("/bytes", "5\r\nhello\r\n", "Transfer-Encoding: chunked"),
                status(400), "RFC 9112 §8"));
        rows.add(row(k, "streamed body with a chunk size that is not hex", post("/upload", "zz\r\nhello\r\n0\r\n\r\n", "Transfer-Encoding: chunked"),
                status(400), "RFC 9112 §7.1"));
        rows.add(row(k, "streamed body shorter than its Content-Length", raw("POST /upload HTTP/1.1\r\n" + HOST + "\r\nContent-Length: 10\r\n\r\nhello"),
                status(400), "RFC 9112 §8"));
        rows.add(row(k, "POST without Content-Length or Transfer-Encoding", raw("POST /bytes HTTP/1.1\r\n" + HOST + "\r\n\r\n"),
                status(200, bodyIs("0")), "RFC 9112 §6.3: no framing means no body"));
    }

    // ---- forms and multipart bodies ------------------------------------------------------------

    private static final String FORM = "Content-Type: application/x-www-form-urlencoded";
    private static final String MULTIPART = "Content-Type: multipart/form-data; boundary=XyZ";

    private static void forms(List<BadInput> rows) {
        var k = FORMS;
        rows.add(row(k, "form field with %ZZ", post("/form", "name=a%ZZ", FORM), status(400, bodyNames("name")), "RFC 3986 §2.1 via the WHATWG urlencoded parser"));
        rows.add(row(k, "form field with a lone %", post("/form", "x=1&name=%", FORM), status(400, bodyNames("name")), "RFC 3986 §2.1"));
        rows.add(row(k, "form field with overlong UTF-8", post("/form", "name=%C0%AF", FORM), status(400, bodyNames("name")), "RFC 3629 §3"));
        rows.add(row(k, "form with more fields than the limit", post("/form", "a=1&".repeat(CorpusApp.MAX_FIELDS) + "name=x", FORM),
                status(413), "Strand limit FormConfig.maxFields"));
        rows.add(row(k, "form route sent JSON", json("/form", "{\"name\":\"x\"}"), status(415, bodyHas("application/x-www-form-urlencoded")),
                "RFC 9110 §15.5.16"));
        rows.add(row(k, "multipart without a boundary", post("/uploads", part("f", "a.txt", "x") + "--XyZ--\r\n",
                "Content-Type: multipart/form-data"), status(400, bodyHas("boundary")), "RFC 7578 §4.1: boundary is required"));
        rows.add(row(k, "multipart without its closing boundary", post("/uploads", part("f", "a.txt", "x"), MULTIPART),
                status(400, bodyHas("closing boundary")), "RFC 2046 §5.1.1"));
        rows.add(row(k, "streamed multipart without its closing boundary", post("/parts", part("f", "a.txt", "x"), MULTIPART),
                status(400, bodyHas("closing boundary")), "RFC 2046 §5.1.1"));
        rows.add(row(k, "multipart body shorter than its Content-Length", raw("POST /uploads HTTP/1.1\r\n" + HOST + "\r\n" + MULTIPART
                + "\r\nContent-Length: 500\r\n\r\n" + part("f", "a.txt", "x")), status(400), "RFC 9112 §8"));
        rows.add(row(k, "multipart part over the file limit", post("/uploads", part("f", "a.bin", "z".repeat(CorpusApp.MAX_BODY + 1))
                + "--XyZ--\r\n", MULTIPART), status(413), "Strand limit FormConfig.maxFileSize"));
        rows.add(row(k, "multipart with more parts than the limit", post("/uploads", part("f", "a.txt", "x").repeat(CorpusApp.MAX_FIELDS + 1)
                + "--XyZ--\r\n", MULTIPART), status(413), "Strand limit FormConfig.maxFields"));
        rows.add(row(k, "streamed multipart with more parts than the limit", post("/parts", part("f", "a.txt", "x").repeat(CorpusApp.MAX_FIELDS + 1)
                + "--XyZ--\r\n", MULTIPART), status(413), "Strand limit FormConfig.maxFields"));
        for (var name : List.of("../x", "a\\\\b", "/etc/passwd", "..")) {
            rows.add(row(k, "multipart file name " + name, post("/uploads", part("f", name, "x") + "--XyZ--\r\n", MULTIPART),
                    status(400, bodyHas("without a path")), "RFC 7578 §4.2: a file name MUST NOT be used as a path"));
        }
        rows.add(row(k, "multipart part header without a colon", post("/uploads", "--XyZ\r\nContent-Disposition form-data\r\n\r\nx\r\n--XyZ--\r\n",
                MULTIPART), status(400), "RFC 2046 §5.1.1 via RFC 5322 §2.2"));
        rows.add(row(k, "uploads route sent a form", post("/uploads", "name=x", FORM), status(415, bodyHas("multipart/form-data")),
                "RFC 9110 §15.5.16"));
    }

    /** One multipart part with boundary {@code XyZ}: a file when {@code fileName} is not {@code null}. */
    private static String part(String name, String fileName, String content) {
        return "--XyZ\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\"" + fileName + "\"\r\n"
                + "Content-Type: text/plain\r\n\r\n" + content + "\r\n";
    }

    // ---- proxy headers ----------------------------------------------------------------------

    private static void proxy(List<BadInput> rows) {
        var k = PROXY;
        var rule = "Strand: a trusted proxy's header that cannot be read is refused, not guessed at";
        rows.add(row(k, "Forwarded with an unclosed quote", get("GET", "/client", "Forwarded: for=\"203.0.113.9"), status(400), "RFC 7239 §4; " + rule));
        rows.add(row(k, "Forwarded without '='", get("GET", "/client", "Forwarded: for"), status(400), "RFC 7239 §4"));
        rows.add(row(k, "Forwarded for= a host name", get("GET", "/client", "Forwarded: for=evil.example"), status(400), "RFC 7239 §6: node is an IP, obfuscated or unknown"));
        rows.add(row(k, "Forwarded proto=ftp", get("GET", "/client", "Forwarded: proto=ftp"), status(400), rule));
        rows.add(row(k, "X-Forwarded-For not an address", get("GET", "/client", "X-Forwarded-For: localhost"), status(400), rule));
        rows.add(row(k, "X-Forwarded-Port 70000", get("GET", "/client", "X-Forwarded-Port: 70000"), status(400), rule));
        rows.add(row(k, "X-Forwarded-For spoofed on the left", get("GET", "/client", "X-Forwarded-For: 6.6.6.6, 203.0.113.9"),
                status(200, bodyIs("http://corpus from 203.0.113.9")), "Strand: hops are read from the right, past trusted proxies"));
        rows.add(row(k, "Forwarded for=unknown", get("GET", "/client", "Forwarded: for=unknown;proto=https;host=shop.example"),
                status(200, bodyHas("https://shop.example from ")), "RFC 7239 §6.2"));
    }

    // ---- JSON bodies ----------------------------------------------------------------------------

    private static void json(List<BadInput> rows) {
        var k = JSON;
        var rule = "RFC 8259 §2";
        rows.add(row(k, "arrays nested 5,000 deep", json("/tree", "[".repeat(5000) + "]".repeat(5000)), status(400), "Jackson maxNestingDepth (1,000)"));
        rows.add(row(k, "objects nested 5,000 deep", json("/tree", "{\"a\":".repeat(5000) + "1" + "}".repeat(5000)), status(400), "Jackson maxNestingDepth (1,000)"));
        rows.add(row(k, "number 1e400 for an int", json("/items", "{\"name\":\"a\",\"count\":1e400}"), status(400), "RFC 8259 §6"));
        rows.add(row(k, "integer past 2^64 for an int", json("/items", "{\"name\":\"a\",\"count\":99999999999999999999}"), status(400), "RFC 8259 §6"));
        rows.add(row(k, "number of 5,000 digits", json("/items", "{\"name\":\"a\",\"count\":" + "9".repeat(5000) + "}"), status(400), "Jackson maxNumberLength (1,000)"));
        rows.add(row(k, "fraction 1.5 for an int", json("/items", "{\"name\":\"a\",\"count\":1.5}"), status(400), "RFC 8259 §6: not an integer; no silent truncation"));
        rows.add(row(k, "duplicate key", json("/items", "{\"name\":\"a\",\"name\":\"b\",\"count\":1}"), status(400), "RFC 8259 §4: names SHOULD be unique"));
        rows.add(row(k, "UTF-8 byte order mark", json("/items", "\u00ef\u00bb\u00bf{\"name\":\"a\",\"count\":1}"), status(200), "RFC 8259 §8.1: MAY ignore a BOM"));
        rows.add(row(k, "string for an int", json("/items", "{\"name\":\"a\",\"count\":\"many\"}"), status(400, bodyNames("count")), "RFC 8259 §3"));
        rows.add(row(k, "boolean for an int", json("/items", "{\"name\":\"a\",\"count\":true}"), status(400), "RFC 8259 §3"));
        rows.add(row(k, "object for a string", json("/items", "{\"name\":{},\"count\":1}"), status(400), "RFC 8259 §3"));
        rows.add(row(k, "array for an object", json("/items", "[1,2]"), status(400), "RFC 8259 §3"));
        rows.add(row(k, "string for an object", json("/items", "\"item\""), status(400), "RFC 8259 §3"));
        rows.add(row(k, "trailing garbage after the value", json("/items", "{\"name\":\"a\",\"count\":1} trailing"), status(400), rule + ": JSON-text is one value"));
        rows.add(row(k, "two values in a row", json("/items", "{\"name\":\"a\",\"count\":1}{}"), status(400), rule + ": JSON-text is one value"));
        rows.add(row(k, "null", json("/items", "null"), status(400), "Strand: JSON null is no value"));
        rows.add(row(k, "empty body", json("/items", ""), status(400), rule));
        rows.add(row(k, "whitespace only", json("/items", " \r\n\t "), status(400), rule));
        rows.add(row(k, "invalid UTF-8 inside a string", json("/items", "{\"name\":\"\u00ff\u00fe\",\"count\":1}"), status(400), "RFC 8259 §8.1"));
        rows.add(row(k, "unterminated object", json("/items", "{\"name\":"), status(400), rule));
        rows.add(row(k, "single quotes", json("/items", "{'name':'a','count':1}"), status(400), rule));
        rows.add(row(k, "comment", json("/items", "{/* hi */\"name\":\"a\",\"count\":1}"), status(400), rule));
        rows.add(row(k, "NaN", json("/items", "{\"name\":\"a\",\"count\":NaN}"), status(400), "RFC 8259 §6"));
        rows.add(row(k, "leading zero", json("/items", "{\"name\":\"a\",\"count\":01}"), status(400), "RFC 8259 §6"));
        rows.add(row(k, "raw control byte inside a string", json("/items", "{\"name\":\"a\u0001b\",\"count\":1}"), status(400), "RFC 8259 §7"));
        rows.add(row(k, "malformed JSON with Accept: application/json", json("/items", "{bad}", "Accept: application/json"),
                status(400, jsonError()), rule));
    }

    // ---- WebSocket handshake ----------------------------------------------------------------------

    private static void wsHandshake(List<BadInput> rows) {
        var k = WS_HANDSHAKE;
        var version13 = header("Sec-WebSocket-Version", "13");
        var upgradeWs = header("Upgrade", "websocket");
        rows.add(row(k, "no Sec-WebSocket-Key", upgrade("/ws/echo", "-Sec-WebSocket-Key"), status(400), "RFC 6455 §4.2.1 item 5"));
        rows.add(row(k, "empty Sec-WebSocket-Key", upgrade("/ws/echo", "Sec-WebSocket-Key:"), status(400), "RFC 6455 §4.2.1 item 5"));
        rows.add(row(k, "Sec-WebSocket-Key not 16 bytes", upgrade("/ws/echo", "Sec-WebSocket-Key: YWJj"), status(400), "RFC 6455 §4.2.1 item 5"));
        rows.add(row(k, "two Sec-WebSocket-Key headers", upgrade("/ws/echo", "+Sec-WebSocket-Key: " + KEY), status(400), "RFC 6455 §11.3.1: MUST NOT appear twice"));
        rows.add(row(k, "Sec-WebSocket-Version: 12", upgrade("/ws/echo", "Sec-WebSocket-Version: 12"), status(426, version13), "RFC 6455 §4.2.2, §4.4"));
        rows.add(row(k, "Sec-WebSocket-Version: abc", upgrade("/ws/echo", "Sec-WebSocket-Version: abc"), status(426, version13), "RFC 6455 §4.4"));
        rows.add(row(k, "no Sec-WebSocket-Version", upgrade("/ws/echo", "-Sec-WebSocket-Version"), status(426, version13), "RFC 6455 §4.4"));
        // h2c is served beside HTTP/1.1, so Jetty takes this as an HTTP/2 upgrade, which is malformed without its settings.
        rows.add(row(k, "Upgrade: h2c without HTTP2-Settings", upgrade("/ws/echo", "Upgrade: h2c"), status(400),
                "RFC 7540 §3.2.1: an h2c upgrade MUST carry exactly one HTTP2-Settings"));
        rows.add(row(k, "no Upgrade header", upgrade("/ws/echo", "-Upgrade"), status(426, upgradeWs), "RFC 9110 §15.5.22"));
        rows.add(row(k, "Connection without the upgrade token", upgrade("/ws/echo", "Connection: keep-alive"), status(400), "RFC 6455 §4.2.1 item 4: an invalid handshake gets 400"));
        rows.add(row(k, "upgrade in an HTTP/1.0 request", raw(upgrade("/ws/echo").text().replace("HTTP/1.1", "HTTP/1.0")),
                status(426, upgradeWs), "RFC 9110 §7.8: MUST ignore Upgrade in 1.0"));
        rows.add(row(k, "upgrade with POST", raw(upgrade("/ws/echo").text().replace("GET ", "POST ")), status(405, header("Allow", "GET, HEAD, OPTIONS")), "RFC 6455 §4.1: the method is GET"));
        rows.add(row(k, "upgrade to an unknown path", upgrade("/ws/nowhere"), status(404), "RFC 9110 §15.5.5"));
        rows.add(row(k, "upgrade with a malformed query", upgrade("/ws/echo?token=%ZZ"), status(400, bodyNames("token")), "RFC 3986 §2.1"));
        rows.add(row(k, "foreign Origin", upgrade("/ws/echo", "Origin: http://evil.example"), status(403), "RFC 6455 §4.2.2, §10.2; Strand: same-origin by default"));
        rows.add(row(k, "Origin: null", upgrade("/ws/echo", "Origin: null"), status(403), "RFC 6454 §7.3, RFC 6455 §10.2"));
        rows.add(row(k, "Origin that is not a URI", upgrade("/ws/echo", "Origin: ::::"), status(403), "RFC 6454 §7"));
        rows.add(row(k, "permessage-deflate with an unknown parameter", upgrade("/ws/echo", "Sec-WebSocket-Extensions: permessage-deflate; foo=1"),
                status(101, noHeader("Sec-WebSocket-Extensions")), "RFC 7692 §5: decline the offer"));
        rows.add(row(k, "a bad deflate offer, then a plain one", upgrade("/ws/echo", "Sec-WebSocket-Extensions: permessage-deflate; foo=1, permessage-deflate"),
                status(101, header("Sec-WebSocket-Extensions", "permessage-deflate")), "RFC 7692 §5: accept the fallback offer"));
        rows.add(row(k, "server_max_window_bits=7 (out of range)", upgrade("/ws/echo", "Sec-WebSocket-Extensions: permessage-deflate; server_max_window_bits=7"),
                status(101, noHeader("Sec-WebSocket-Extensions")), "RFC 7692 §7.1.2.1: MUST decline"));
        rows.add(row(k, "server_max_window_bits=9", upgrade("/ws/echo", "Sec-WebSocket-Extensions: permessage-deflate; server_max_window_bits=9"),
                status(101, windowAtMost(9)), "RFC 7692 §7.1.2.1: decline, or answer with a value <= 9"));
        rows.add(row(k, "client_max_window_bits=abc", upgrade("/ws/echo", "Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits=abc"),
                status(101, noHeader("Sec-WebSocket-Extensions")), "RFC 7692 §7.1.2.2: MUST decline"));
        rows.add(row(k, "deflate parameter given twice", upgrade("/ws/echo", "Sec-WebSocket-Extensions: permessage-deflate; server_no_context_takeover; server_no_context_takeover"),
                status(101, noHeader("Sec-WebSocket-Extensions")), "RFC 7692 §7: MUST decline duplicate parameters"));
        rows.add(row(k, "unknown extension", upgrade("/ws/echo", "Sec-WebSocket-Extensions: x-unknown-extension"),
                status(101, noHeader("Sec-WebSocket-Extensions")), "RFC 6455 §9.1: the server accepts only what it knows"));
        rows.add(row(k, "Sec-WebSocket-Extensions of separators only", upgrade("/ws/echo", "Sec-WebSocket-Extensions: ;;;,,,"),
                status(400), "RFC 6455 §4.2.1: ABNF violations get 400"));
        rows.add(row(k, "a subprotocol the route does not speak", upgrade("/ws/echo", "Sec-WebSocket-Protocol: chat.v9"),
                status(101, noHeader("Sec-WebSocket-Protocol")), "RFC 6455 §4.2.2 item 5.4: the server selects none"));
    }

    // ---- WebSocket frames -------------------------------------------------------------------------

    private static void wsFrames(List<BadInput> rows) {
        var k = WS_FRAMES;
        var hello = "hello".getBytes(StandardCharsets.UTF_8);
        rows.add(row(k, "unmasked text frame", frames(WsFrame.unmasked(TEXT, hello)), closes(1002), "RFC 6455 §5.1"));
        rows.add(row(k, "RSV1 set without an extension", frames(WsFrame.maskedRaw(0x80 | 0x40 | TEXT, hello)), closes(1002), "RFC 6455 §5.2"));
        rows.add(row(k, "RSV2 set", frames(WsFrame.maskedRaw(0x80 | 0x20 | TEXT, hello)), closes(1002), "RFC 6455 §5.2"));
        rows.add(row(k, "RSV3 set", frames(WsFrame.maskedRaw(0x80 | 0x10 | BINARY, hello)), closes(1002), "RFC 6455 §5.2"));
        for (int opcode : new int[] {0x3, 0x7, 0xB, 0xF}) {
            rows.add(row(k, "reserved opcode 0x" + Integer.toHexString(opcode).toUpperCase(), frames(WsFrame.masked(opcode, hello)), closes(1002), "RFC 6455 §5.2"));
        }
        rows.add(row(k, "fragmented ping", frames(WsFrame.maskedRaw(PING, hello), WsFrame.masked(CONTINUATION, hello)), closes(1002), "RFC 6455 §5.5"));
        rows.add(row(k, "fragmented close", frames(WsFrame.maskedRaw(CLOSE, new byte[] {0x03, (byte) 0xe8})), closes(1002), "RFC 6455 §5.5"));
        rows.add(row(k, "ping of 126 bytes", frames(WsFrame.masked(PING, new byte[126])), closes(1002), "RFC 6455 §5.5: control payload <= 125"));
        rows.add(row(k, "close of 126 bytes", frames(WsFrame.close(1000, "r".repeat(124).getBytes(StandardCharsets.UTF_8))), closes(1002), "RFC 6455 §5.5"));
        rows.add(row(k, "continuation without a start", frames(WsFrame.masked(CONTINUATION, hello)), closes(1002), "RFC 6455 §5.4"));
        rows.add(row(k, "new text frame inside a fragmented message", frames(WsFrame.maskedRaw(TEXT, hello), WsFrame.masked(TEXT, hello)), closes(1002), "RFC 6455 §5.4"));
        rows.add(row(k, "text frame inside a fragmented binary message", frames(WsFrame.maskedRaw(BINARY, hello), WsFrame.masked(TEXT, hello)), closes(1002), "RFC 6455 §5.4"));
        rows.add(row(k, "frame length with its top bit set", frames(WsFrame.announcing(BINARY, Long.MIN_VALUE)), closes(1009), "RFC 6455 §5.2: the top bit MUST be 0 (1002); Jetty's parser reads the length first and closes with 1009, too big"));
        rows.add(row(k, "invalid UTF-8 byte 0xFF in text", frames(WsFrame.masked(TEXT, bytes(0x68, 0xff, 0x69))), closes(1007), "RFC 6455 §8.1"));
        rows.add(row(k, "overlong UTF-8 C0 AF in text", frames(WsFrame.masked(TEXT, bytes(0xc0, 0xaf))), closes(1007), "RFC 6455 §8.1, RFC 3629 §3"));
        rows.add(row(k, "UTF-16 surrogate ED A0 80 in text", frames(WsFrame.masked(TEXT, bytes(0xed, 0xa0, 0x80))), closes(1007), "RFC 3629 §3"));
        rows.add(row(k, "code point above U+10FFFF in text", frames(WsFrame.masked(TEXT, bytes(0xf4, 0x90, 0x80, 0x80))), closes(1007), "RFC 3629 §3"));
        rows.add(row(k, "invalid UTF-8 across two fragments", frames(WsFrame.maskedRaw(TEXT, bytes(0xce)), WsFrame.masked(CONTINUATION, bytes(0xff))), closes(1007), "RFC 6455 §8.1"));
        rows.add(row(k, "text ending inside a character", frames(WsFrame.masked(TEXT, bytes(0x61, 0xe2, 0x82))), closes(1007), "RFC 6455 §8.1"));
        for (int code : new int[] {0, 999, 1004, 1005, 1006, 1015, 1016, 2999, 5000, 65535}) {
            rows.add(row(k, "close code " + code, frames(WsFrame.close(code)), closes(1002), "RFC 6455 §7.4.1, §7.4.2"));
        }
        rows.add(row(k, "close payload of 1 byte", frames(WsFrame.masked(CLOSE, bytes(0x03))), closes(1002), "RFC 6455 §5.5.1"));
        rows.add(row(k, "close reason that is not UTF-8", frames(WsFrame.close(1000, bytes(0xff, 0xfe))), closes(1007), "RFC 6455 §5.5.1, §8.1"));
        rows.add(row(k, "text over maxMessageSize", frames(WsFrame.masked(TEXT, "t".repeat(CorpusApp.MAX_MESSAGE + 1))), closes(1009), "RFC 6455 §7.4.1; Strand maxMessageSize"));
        rows.add(row(k, "fragments adding up past maxMessageSize", frames(WsFrame.maskedRaw(BINARY, new byte[CorpusApp.MAX_MESSAGE]), WsFrame.masked(CONTINUATION, new byte[16])),
                closes(1009), "RFC 6455 §7.4.1"));
        rows.add(row(k, "binary frame announcing 2^62 bytes", frames(WsFrame.announcing(BINARY, 1L << 62)), closes(1009), "RFC 6455 §7.4.1"));
        rows.add(row(k, "close 1000 is echoed", frames(WsFrame.close(1000)), closes(1000), "RFC 6455 §5.5.1"));
        rows.add(row(k, "close 3000 is echoed", frames(WsFrame.close(3000)), closes(3000), "RFC 6455 §7.4.2: registered range"));
        rows.add(row(k, "close 4999 is echoed", frames(WsFrame.close(4999)), closes(4999), "RFC 6455 §7.4.2: private range"));
        rows.add(row(k, "ping of 125 bytes gets its pong", frames(WsFrame.masked(PING, new byte[125])), closes(1000, PONG), "RFC 6455 §5.5.2"));
        rows.add(row(k, "ping between the fragments of a message", frames(WsFrame.maskedRaw(TEXT, hello), WsFrame.masked(PING, hello),
                WsFrame.masked(CONTINUATION, hello)), closes(1000, PONG, TEXT), "RFC 6455 §5.4: control frames may interleave"));
        rows.add(row(k, "unsolicited pong", frames(WsFrame.masked(PONG, hello), WsFrame.masked(TEXT, hello)), closes(1000, TEXT), "RFC 6455 §5.5.3"));
    }

    // ---- SSE ------------------------------------------------------------------------------------

    private static void sse(List<BadInput> rows) {
        var k = SSE;
        var rule = "issue #13: refuse before the stream starts";
        var stream = header("Content-Type", "text/event-stream; charset=utf-8");
        rows.add(row(k, "count=abc", sseGet("/sse/ticks?count=abc"), status(400, bodyNames("count")), rule));
        rows.add(row(k, "count given empty", sseGet("/sse/ticks?count="), status(400, bodyNames("count")), rule));
        rows.add(row(k, "count past Integer.MAX_VALUE", sseGet("/sse/ticks?count=99999999999"), status(400, bodyNames("count")), rule));
        rows.add(row(k, "count=%ZZ", sseGet("/sse/ticks?count=%ZZ"), status(400, bodyNames("count")), rule + "; RFC 3986 §2.1"));
        rows.add(row(k, "count missing", sseGet("/sse/ticks"), status(400, bodyNames("count")), rule));
        rows.add(row(k, "count=abc with Accept: application/json", get("GET", "/sse/ticks?count=abc", "Accept: application/json"),
                status(400, jsonError()), rule));
        rows.add(row(k, "Last-Event-ID that is not a number for a Long", sseGet("/sse/resume", "Last-Event-ID: abc"), status(400, bodyNames("Last-Event-ID")), rule));
        rows.add(row(k, "Last-Event-ID past Long.MAX_VALUE", sseGet("/sse/resume", "Last-Event-ID: 99999999999999999999"), status(400, bodyNames("Last-Event-ID")), rule));
        rows.add(row(k, "POST stream with malformed JSON", raw(json("/sse/search", "{bad").text().replace("\r\n\r\n", "\r\nAccept: text/event-stream\r\n\r\n")),
                status(400), rule));
        rows.add(row(k, "POST stream with an empty body", raw(json("/sse/search", "").text().replace("\r\n\r\n", "\r\nAccept: text/event-stream\r\n\r\n")),
                status(400), rule));
        rows.add(row(k, "stream refused by middleware", sseGet("/sse/private"), status(401), "middleware runs before the stream"));
        rows.add(row(k, "empty Last-Event-ID", sseGet("/sse/ticks?count=1", "Last-Event-ID:"), status(200, stream, bodyHas("tick 1")), "WHATWG HTML §9.2: any string"));
        rows.add(row(k, "Last-Event-ID of 4,000 chars", sseGet("/sse/ticks?count=1", "Last-Event-ID: " + "9".repeat(4000)), status(200, stream, bodyHas("after 4000 chars")), "WHATWG HTML §9.2"));
        rows.add(row(k, "Last-Event-ID over the header limit", sseGet("/sse/ticks?count=1", "Last-Event-ID: " + "9".repeat(9000)), status(431), "Strand limit maxHeaderSize; RFC 6585 §5"));
        rows.add(row(k, "Last-Event-ID with a bare CR", sseGet("/sse/ticks?count=1", "Last-Event-ID: 1\r2"), status(400), "RFC 9112 §2.2"));
        rows.add(row(k, "Last-Event-ID with a bare LF", sseGet("/sse/ticks?count=1", "Last-Event-ID: 1\n2"), status(400), "RFC 9112 §2.2, §5: '2' is a line without a colon"));
        rows.add(row(k, "Last-Event-ID with a NUL", sseGet("/sse/ticks?count=1", "Last-Event-ID: 1\u00002"), status(400), "RFC 9110 §5.5"));
        rows.add(row(k, "Last-Event-ID folded onto a second line", sseGet("/sse/ticks?count=1", "Last-Event-ID: 1\r\n 2"), status(400), "RFC 9112 §5.2"));
        rows.add(row(k, "Last-Event-ID in UTF-8", sseGet("/sse/ticks?count=1", "Last-Event-ID: " + utf8("\u00e9v\u00e9nement-\u2603")), status(200, stream), "RFC 9110 §5.5: obs-text"));
        rows.add(row(k, "Last-Event-ID with bytes that are not UTF-8", sseGet("/sse/ticks?count=1", "Last-Event-ID: \u00ff\u00fe"), status(200, stream), "RFC 9110 §5.5: obs-text"));
        rows.add(row(k, "two Last-Event-ID headers", sseGet("/sse/ticks?count=1", "Last-Event-ID: 1", "Last-Event-ID: 2"), status(200, stream), "RFC 9110 §5.3"));
        rows.add(row(k, "Accept: application/json on a stream", get("GET", "/sse/ticks?count=1", "Accept: application/json"), status(200, stream),
                "RFC 9110 §12.5.1: disregarding Accept is allowed"));
        rows.add(row(k, "Accept of separators only", get("GET", "/sse/ticks?count=1", "Accept: ;;;,,,"), status(200, stream), "RFC 9110 §12.5.1"));
        rows.add(row(k, "Accept with q=abc", get("GET", "/sse/ticks?count=1", "Accept: text/event-stream;q=abc"), status(200, stream), "RFC 9110 §12.4.2"));
    }

    // ---- building rows ----------------------------------------------------------------------------

    private static BadInput row(Kind kind, String name, BadInput.Input input, Expected expected, String rule) {
        return new BadInput(kind, name, input, expected, rule);
    }

    private static Request raw(String text) {
        return new Request(text);
    }

    /** A request with Host and the given extra header lines. */
    private static Request get(String method, String target, String... headerLines) {
        var sb = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n").append(HOST).append("\r\n");
        for (var line : headerLines) sb.append(line).append("\r\n");
        return new Request(sb.append("\r\n").toString());
    }

    /** A POST whose body is sent as given; Content-Length is added unless a framing header is given. */
    private static Request post(String target, String body, String... headerLines) {
        boolean framed = Arrays.stream(headerLines).anyMatch(h -> h.startsWith("Content-Length") || h.startsWith("Transfer-Encoding"));
        var lines = new ArrayList<>(List.of(headerLines));
        if (!framed) lines.add("Content-Length: " + body.length());
        return new Request(get("POST", target, lines.toArray(String[]::new)).text() + body);
    }

    private static Request json(String target, String body, String... headerLines) {
        var lines = new ArrayList<>(List.of(headerLines));
        lines.add("Content-Type: application/json");
        return post(target, body, lines.toArray(String[]::new));
    }

    private static Request sseGet(String target, String... headerLines) {
        var lines = new ArrayList<>(List.of(headerLines));
        lines.add("Accept: text/event-stream");
        return get("GET", target, lines.toArray(String[]::new));
    }

    /**
     * A valid upgrade request, changed by {@code changes}: {@code "Name: value"} replaces that
     * header, {@code "-Name"} drops it, {@code "+Name: value"} adds another line.
     */
    private static Request upgrade(String target, String... changes) {
        var lines = new ArrayList<>(List.of("Upgrade: websocket", "Connection: Upgrade", "Sec-WebSocket-Key: " + KEY, "Sec-WebSocket-Version: 13"));
        for (var change : changes) {
            if (change.startsWith("+")) {
                lines.add(change.substring(1));
                continue;
            }
            var name = (change.startsWith("-") ? change.substring(1) : change.substring(0, change.indexOf(':'))) + ":";
            int at = -1;
            for (int i = 0; i < lines.size(); i++) if (lines.get(i).regionMatches(true, 0, name, 0, name.length())) at = i;
            if (change.startsWith("-")) {
                lines.remove(at);
            } else if (at >= 0) {
                lines.set(at, change);
            } else {
                lines.add(change);
            }
        }
        return get("GET", target, lines.toArray(String[]::new));
    }

    private static Frames frames(byte[]... parts) {
        var out = new ByteArrayOutputStream();
        for (var part : parts) out.writeBytes(part);
        return new Frames(out.toByteArray());
    }

    private static String chunked(String body, int chunkSize) {
        var sb = new StringBuilder();
        for (int i = 0; i < body.length(); i += chunkSize) {
            var chunk = body.substring(i, Math.min(body.length(), i + chunkSize));
            sb.append(Integer.toHexString(chunk.length())).append("\r\n").append(chunk).append("\r\n");
        }
        return sb.append("0\r\n\r\n").toString();
    }

    private static String manyHeaders(int count) {
        var sb = new StringBuilder();
        for (int i = 0; i < count; i++) sb.append(i == 0 ? "" : "\r\n").append("X-Header-").append(i).append(": value");
        return sb.toString();
    }

    /** The UTF-8 bytes of {@code text}, one char per byte. */
    private static String utf8(String text) {
        return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }

    private static byte[] bytes(int... values) {
        var bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) bytes[i] = (byte) values[i];
        return bytes;
    }

    // ---- expectations -----------------------------------------------------------------------------

    private static Answer status(int status, Check... checks) {
        return new Answer(status, List.of(checks));
    }

    private static Closes closes(int code, Integer... opcodesBefore) {
        return new Closes(code, List.of(opcodesBefore));
    }

    private static Check header(String name, String value) {
        return new Check(name + ": " + value, r -> value.equals(r.getFirst().header(name)));
    }

    private static Check noHeader(String name) {
        return new Check("no " + name, r -> r.getFirst().header(name) == null);
    }

    /** The connection carried one response only: nothing after the bad message was taken as a request. */
    private static Check alone() {
        return new Check("one response, then the connection closes", r -> r.size() == 1);
    }

    private static Check bodyIs(String text) {
        return new Check("body '" + text + "'", r -> r.getFirst().bodyText().equals(text));
    }

    private static Check bodyHas(String text) {
        return new Check("body has '" + text + "'", r -> r.getFirst().bodyText().contains(text));
    }

    /** The error message says which parameter was wrong. */
    private static Check bodyNames(String parameter) {
        return new Check("message names '" + parameter + "'", r -> r.getFirst().bodyText().contains(parameter));
    }

    private static Check jsonError() {
        return new Check("JSON error body", r -> "application/json".equals(r.getFirst().header("Content-Type"))
                && r.getFirst().bodyText().startsWith("{\"error\":"));
    }

    private static Check windowAtMost(int bits) {
        return new Check("no extension, or server_max_window_bits <= " + bits, r -> {
            var ext = r.getFirst().header("Sec-WebSocket-Extensions");
            if (ext == null) return true;
            var m = Pattern.compile("server_max_window_bits=(\\d+)").matcher(ext);
            return m.find() && Integer.parseInt(m.group(1)) <= bits;
        });
    }
}
