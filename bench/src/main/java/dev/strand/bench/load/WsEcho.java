package dev.strand.bench.load;

import java.util.concurrent.TimeUnit;

/**
 * {@code ws-echo}: N connections to {@code /ws/echo}, each sending a message and waiting for its
 * echo before the next, until the deadline. Reports messages per second and round-trip latency.
 *
 * <p>Each connection's loop is driven by its own receive callback (send, echo arrives, record, send
 * again; see {@link EchoConnection}) instead of a thread that blocks on the echo: the client has one
 * core, like the server, and a thread hand-off per message would make it, not the server, the limit.
 */
final class WsEcho {

    private WsEcho() {
    }

    static Measurement run(LoadOptions options) throws Exception {
        var result = Measurement.of(options, "connections", options.connections());
        try (var clients = Clients.start(options.connections(), options.sources())) {
            var run = new EchoRun(options.connections());
            var opened = Opener.open(options.connections(), i -> {
                var connection = new EchoConnection(run);
                return clients.ws().connect(connection, options.ws("/ws/echo")).thenApply(session -> connection);
            });
            for (int i = 0; i < opened.failed(); i++) {
                run.finished.countDown();
            }

            var cpu = new CpuMeter(options.serverPid());
            run.window = Window.startingNow(options.warmup(), options.duration());
            opened.connections().forEach(EchoConnection::send);
            run.window.awaitMeasuring();
            cpu.start();
            run.window.awaitDeadline();
            cpu.report(result.metrics());
            if (!run.finished.await(10, TimeUnit.SECONDS)) {
                run.errors.addAndGet(run.finished.getCount());
            }

            result.metrics().put("msgs_per_s", Math.round(run.completed.sum() / run.window.seconds()));
            run.latencies.report(result.metrics());
            result.metrics().put("errors", run.errors.get() + opened.failed());
        }
        return result;
    }
}
