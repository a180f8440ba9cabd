package dev.strand.bench.jmh;

import com.fasterxml.jackson.databind.ObjectReader;
import dev.strand.annotation.Body;
import dev.strand.annotation.Get;
import dev.strand.annotation.Header;
import dev.strand.annotation.PathParam;
import dev.strand.annotation.Post;
import dev.strand.annotation.QueryParam;
import dev.strand.config.StrandConfig;
import dev.strand.internal.assembly.Assembly;
import dev.strand.internal.http.StrandThreadPool;
import dev.strand.internal.json.JsonCodec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.LocalConnector;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.Callback;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Parameter binding, measured where it happens: whole requests into the handler {@link Assembly}
 * builds for a real app, through Jetty's in-memory {@link LocalConnector} on one keep-alive
 * connection, each answered {@code 200 ok}. The {@code Invoker} needs a live {@code Context},
 * which only a request makes, so binding is not measured alone: it is the difference between
 * {@link #noParams} and the requests that bind (their request and response bytes differ a little
 * too). {@link #jsonDecode} isolates the JSON share of {@link #jsonBody}; {@link #rawJetty} is the
 * same request to a bare Jetty handler, the floor under {@link #noParams}.
 *
 * <p>{@code addInput} on a connection waiting to read runs Jetty's parser, Strand's handler and
 * the response write on the calling thread, so a figure is the CPU of one request with no thread
 * hand-off and no socket: what Jetty and Strand cost per request, not what a client sees. On a
 * real server the same work runs on the request's virtual thread.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(jvmArgsAppend = "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn")
public class RequestBenchmark {
    private static final String ORDER_JSON = """
            {"customer":"ada@example.com","items":[{"sku":"ABC-1234","quantity":2},{"sku":"XYZ-0001","quantity":1}],"note":"leave at the door"}""";

    private static final String NO_PARAMS = "GET /ping HTTP/1.1\r\nHost: bench\r\n\r\n";
    private static final String PATH_QUERY_HEADER = "GET /users/42/orders?limit=50&status=open&q=caf%C3%A9 HTTP/1.1\r\n"
            + "Host: bench\r\nX-Tenant: acme\r\n\r\n";
    private static final String JSON_BODY = "POST /orders HTTP/1.1\r\nHost: bench\r\nContent-Type: application/json\r\n"
            + "Content-Length: " + ORDER_JSON.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + ORDER_JSON;

    private final List<Server> servers = new ArrayList<>();
    private LocalConnector.LocalEndPoint strand;
    private LocalConnector.LocalEndPoint jetty;
    private ObjectReader orderReader;
    private byte[] orderBytes;

    /** Order states, for an enum query parameter. */
    public enum Status { OPEN, SHIPPED, CLOSED }

    /** One line of an order. */
    public record Item(String sku, int quantity) {}

    /** The JSON body. */
    public record Order(String customer, List<Item> items, String note) {}

    /** The app under test: one handler per shape of binding, each answering {@code ok}. */
    public static final class Api {
        @Get("/ping")
        public String ping() {
            return "ok";
        }

        @Get("/users/{id}/orders")
        public String orders(@PathParam("id") long id, @QueryParam("limit") int limit, @QueryParam("status") Status status,
                             @QueryParam("q") String query, @Header("X-Tenant") String tenant) {
            return "ok";
        }

        @Post("/orders")
        public String create(@Body Order order) {
            return "ok";
        }
    }

    /** {@code GET /ping} in bare Jetty: {@code ok} as {@code text/plain; charset=utf-8}, as Strand answers it. */
    private static final class PlainJetty extends Handler.Abstract {
        private static final byte[] OK = "ok".getBytes(StandardCharsets.UTF_8);

        PlainJetty() {
            super(InvocationType.BLOCKING);
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            response.setStatus(200);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
            response.getHeaders().put(HttpHeader.CONTENT_LENGTH, OK.length);
            response.write(true, ByteBuffer.wrap(OK), callback);
            return true;
        }
    }

    @Setup
    public void start() throws Exception {
        var app = Assembly.assemble(new Assembly.Parts(StrandConfig.defaults(), List.of(), List.of(new Api()), List.of(),
                List.of(), Map.of(), null, RequestBenchmark.class.getClassLoader(), null, Map.of(), Map.of()));
        strand = serve(new GracefulHandler(app.handler()));
        jetty = serve(new PlainJetty());
        for (var request : List.of(NO_PARAMS, PATH_QUERY_HEADER, JSON_BODY)) check(strand, request);
        check(jetty, NO_PARAMS);
        var json = new JsonCodec();
        orderReader = json.reader(json.type(Order.class));
        orderBytes = ORDER_JSON.getBytes(StandardCharsets.UTF_8);
    }

    /** A server with an in-memory connector, set up as Strand's own JettyServer, and one connection to it. */
    private LocalConnector.LocalEndPoint serve(Handler handler) throws Exception {
        var threads = new StrandThreadPool();
        threads.setVirtualThreadsExecutor(Executors.newThreadPerTaskExecutor(Thread.ofVirtual().factory()));
        var server = new Server(threads);
        var http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        var connector = new LocalConnector(server, new HttpConnectionFactory(http));
        connector.setIdleTimeout(TimeUnit.MINUTES.toMillis(10));
        server.addConnector(connector);
        server.setHandler(handler);
        server.start();
        servers.add(server);
        return connector.connect();
    }

    private static void check(LocalConnector.LocalEndPoint connection, String request) throws Exception {
        var response = send(connection, request);
        if (!response.startsWith("HTTP/1.1 200") || !response.endsWith("ok")) {
            throw new IllegalStateException("no 200 ok for " + request.lines().findFirst().orElseThrow() + ":\n" + response);
        }
    }

    @TearDown
    public void stop() throws Exception {
        for (var server : servers) server.stop();
    }

    private static String send(LocalConnector.LocalEndPoint connection, String request) throws Exception {
        connection.addInput(request);
        return connection.getResponse();
    }

    /**
     * The floor: the same request answered by a bare Jetty handler with the same status, headers
     * and body, so {@code noParams} minus this is what Strand adds per request.
     */
    @Benchmark
    public String rawJetty() throws Exception {
        return send(jetty, NO_PARAMS);
    }

    /** The baseline: routing, Context, middleware chain and response, no argument to bind. */
    @Benchmark
    public String noParams() throws Exception {
        return send(strand, NO_PARAMS);
    }

    /** A long path parameter, an int, an enum and a percent-encoded String query parameter, and a header. */
    @Benchmark
    public String pathQueryHeader() throws Exception {
        return send(strand, PATH_QUERY_HEADER);
    }

    /** A 130-byte JSON body bound to a record with a list of records. */
    @Benchmark
    public String jsonBody() throws Exception {
        return send(strand, JSON_BODY);
    }

    /** The JSON decoding {@link #jsonBody} does, alone: the reader and call the {@code Invoker} uses. */
    @Benchmark
    public Order jsonDecode() {
        return JsonCodec.read(orderReader, orderBytes);
    }
}
