package dev.strand.bench.load;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The command line of {@link Load}: which scenario against which server, how big and how long.
 *
 * @param scenario    {@code ws-echo}, {@code ws-broadcast}, {@code ws-idle}, {@code sse-fanout} or {@code startup}
 * @param server      the server's name in the report ({@code jetty}, {@code helidon}, ...)
 * @param port        the server's port on 127.0.0.1
 * @param connections connections, subscribers or streams to open
 * @param warmup      load before measuring, so that both JITs (server's and client's) have compiled the hot path
 * @param duration    how long to measure
 * @param serverPid   the server process, for CPU and memory figures; 0 when unknown
 * @param sources     how many loopback source addresses (127.0.1.1, 127.0.1.2, ...) to spread connections over
 * @param launches    {@code startup}: how many launches to take the median of
 * @param out         the results file; one JSON line is appended per run
 * @param command     {@code startup}: the command that launches the server
 */
record LoadOptions(String scenario, String server, int port, int connections, Duration warmup, Duration duration,
                   long serverPid, int sources, int launches, Path out, List<String> command) {

    private static final String USAGE = """
            usage: Load <ws-echo|ws-broadcast|ws-idle|sse-fanout|startup> --server NAME --port N --out FILE
                        [--connections N[,N...]] [--warmup SECONDS] [--rewarm SECONDS] [--duration SECONDS]
                        [--server-pid PID] [--sources K] [--launches N] [-- server command (startup)]
            Several sizes run one after another in this JVM; the first warms up for --warmup,
            the others, with server and client already warm, for --rewarm.""";

    /**
     * Parses the arguments into one run per size given with {@code --connections}; seconds may
     * have decimals ({@code --duration 2.5}).
     */
    static List<LoadOptions> parse(String[] args) {
        if (args.length == 0) {
            throw new IllegalArgumentException(USAGE);
        }
        String server = null;
        Path out = null;
        int port = 0, sources = 16, launches = 1;
        List<Integer> sizes = List.of(1);
        long pid = 0;
        Duration warmup = Duration.ZERO, rewarm = null, duration = Duration.ofSeconds(5);
        List<String> command = List.of();
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--")) {
                command = List.of(args).subList(i + 1, args.length);
                break;
            }
            if (i + 1 == args.length) {
                throw new IllegalArgumentException("missing value after " + args[i] + "\n" + USAGE);
            }
            var value = args[++i];
            switch (args[i - 1]) {
                case "--server" -> server = value;
                case "--port" -> port = Integer.parseInt(value);
                case "--out" -> out = Path.of(value);
                case "--connections" -> sizes = Arrays.stream(value.split(",")).map(Integer::valueOf).toList();
                case "--warmup" -> warmup = seconds(value);
                case "--rewarm" -> rewarm = seconds(value);
                case "--duration" -> duration = seconds(value);
                case "--server-pid" -> pid = Long.parseLong(value);
                case "--sources" -> sources = Integer.parseInt(value);
                case "--launches" -> launches = Integer.parseInt(value);
                default -> throw new IllegalArgumentException("unknown option " + args[i - 1] + "\n" + USAGE);
            }
        }
        if (server == null || port == 0 || out == null) {
            throw new IllegalArgumentException("--server, --port and --out are required\n" + USAGE);
        }
        var perSize = new ArrayList<LoadOptions>();
        for (var size : sizes) {
            var warm = perSize.isEmpty() || rewarm == null ? warmup : rewarm;
            perSize.add(new LoadOptions(args[0], server, port, size, warm, duration, pid, sources, launches, out, command));
        }
        return perSize;
    }

    /** The WebSocket address of {@code path} on the server. */
    URI ws(String path) {
        return URI.create("ws://127.0.0.1:" + port + path);
    }

    /** The HTTP address of {@code path} on the server. */
    URI http(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static Duration seconds(String value) {
        return Duration.ofMillis(Math.round(Double.parseDouble(value) * 1000));
    }
}
