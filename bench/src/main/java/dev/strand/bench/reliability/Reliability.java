package dev.strand.bench.reliability;

import java.nio.file.Path;
import java.util.List;

/**
 * The reliability suite's driver: runs one scenario against {@link ReliabilityServer} processes it
 * starts itself (so that it can stop, kill and time them), and appends its {@link Outcome} as a
 * JSON line to {@code --out}.
 *
 * <pre>Reliability &lt;churn|slow-reader|sse-vanish|redis-outage|graceful-stop&gt; --out FILE --logs DIR [--quick] -- server command</pre>
 *
 * The server command is everything up to the main class' options; the driver adds {@code --port N}
 * and, for Redis, {@code --redis URL --instance NAME}.
 */
public final class Reliability {

    /**
     * One run's command line.
     *
     * @param scenario      the scenario's name
     * @param quick         small and short, to prove the harness works
     * @param out           the results file, one JSON line per scenario
     * @param logs          where the servers' and Redis' logs go
     * @param serverCommand the command that starts a {@link ReliabilityServer}, without its options
     */
    record Options(String scenario, boolean quick, Path out, Path logs, List<String> serverCommand) {

        /** Starts a server whose log is {@code <logs>/<name>.log}. */
        ServerProcess startServer(String name, String... extra) throws Exception {
            return ServerProcess.start(serverCommand, logs.resolve(name + ".log"), extra);
        }
    }

    private static final String USAGE = "usage: Reliability <churn|slow-reader|sse-vanish|redis-outage|graceful-stop>"
            + " --out FILE --logs DIR [--quick] -- server command";

    private Reliability() {
    }

    public static void main(String[] args) throws Exception {
        var options = parse(args);
        // Created here, so that the figures measured before a failure still reach the report.
        var outcome = Outcome.of(options.scenario());
        try {
            switch (options.scenario()) {
                case "churn" -> Churn.run(options, outcome);
                case "slow-reader" -> SlowReader.run(options, outcome);
                case "sse-vanish" -> SseVanish.run(options, outcome);
                case "redis-outage" -> RedisOutage.run(options, outcome);
                case "graceful-stop" -> GracefulStop.run(options, outcome);
                default -> throw new IllegalArgumentException("unknown scenario " + options.scenario() + "\n" + USAGE);
            }
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (Exception | LinkageError e) {
            e.printStackTrace();
            outcome.note("the scenario failed before its end: " + e);
            outcome.add(Figure.exactly("scenario ran to its end", 0, "", 1));
        }
        outcome.append(options.out());
        System.exit(0); // the clients' threads are stopped, but do not let a straggler hold the harness
    }

    private static Options parse(String[] args) {
        if (args.length == 0) {
            throw new IllegalArgumentException(USAGE);
        }
        Path out = null, logs = null;
        var quick = false;
        List<String> command = List.of();
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> quick = true;
                case "--out" -> out = Path.of(args[++i]);
                case "--logs" -> logs = Path.of(args[++i]);
                case "--" -> {
                    command = List.of(args).subList(i + 1, args.length);
                    i = args.length;
                }
                default -> throw new IllegalArgumentException("unknown option " + args[i] + "\n" + USAGE);
            }
        }
        if (out == null || logs == null || command.isEmpty()) {
            throw new IllegalArgumentException(USAGE);
        }
        return new Options(args[0], quick, out, logs, command);
    }
}
