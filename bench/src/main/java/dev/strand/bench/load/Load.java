package dev.strand.bench.load;

import java.util.List;

/**
 * The load client for the WebSocket, SSE and startup scenarios (HTTP scenarios use wrk). Runs one
 * scenario against one running server, appends a JSON line with the figures to {@code --out}, and
 * prints it. See {@link LoadOptions} for the command line.
 */
public final class Load {

    private Load() {
    }

    public static void main(String[] args) throws Exception {
        List<LoadOptions> runs;
        try {
            runs = LoadOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        for (var options : runs) {
            var measurement = switch (options.scenario()) {
                case "ws-echo" -> WsEcho.run(options);
                case "ws-broadcast" -> WsBroadcast.run(options);
                case "ws-idle" -> WsIdle.run(options);
                case "sse-fanout" -> SseFanout.run(options);
                case "startup" -> Startup.run(options);
                default -> {
                    System.err.println("unknown scenario " + options.scenario());
                    System.exit(2);
                    yield null;
                }
            };
            measurement.append(options);
            System.out.println(measurement.server() + " " + measurement.scenario() + " " + measurement.params() + " " + measurement.metrics());
        }
        System.exit(0); // Jetty's client threads are stopped, but do not let a straggler hold the harness
    }
}
