package dev.strand.bench.reliability;

import dev.strand.bench.load.Clients;
import dev.strand.bench.load.Opener;
import java.time.Duration;
import java.util.ArrayList;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.client.CompletableResponseListener;
import org.eclipse.jetty.client.ContentResponse;

/**
 * {@code graceful-stop}: with WebSockets, SSE streams and slow HTTP requests open, the server gets
 * SIGTERM. Strand's promise ({@code Strand.stop}): requests in flight finish (within
 * {@code stopTimeout}), WebSockets close with 1001, SSE streams end; the process then exits.
 */
final class GracefulStop {

    /** Shorter than the stop timeout, so that a graceful stop can let them finish. */
    private static final Duration SLOW_REQUEST = Duration.ofSeconds(4);
    private static final Duration WAIT_FOR_CLIENTS = Duration.ofSeconds(10);

    private GracefulStop() {
    }

    /** Runs the scenario, adding its figures to {@code outcome} as they are measured. */
    static void run(Reliability.Options options, Outcome outcome) throws Exception {
        int sockets = options.quick() ? 50 : 1_000, streams = options.quick() ? 50 : 1_000, requests = options.quick() ? 10 : 100;
        outcome.params().put("WebSockets", sockets);
        outcome.params().put("SSE streams", streams);
        outcome.params().put("HTTP requests in flight", requests + ", each answering after " + SLOW_REQUEST.toMillis() + " ms");
        outcome.params().put("stop", "SIGTERM; stop timeout " + ReliabilityServer.STOP_TIMEOUT.toSeconds() + " s");
        try (var server = options.startServer("graceful-stop");
             var clients = Clients.start(sockets + streams + requests + 16, 16)) {
            var ws = Opener.open(sockets, i -> {
                var endpoint = new WsEndpoint(text -> { });
                return clients.ws().connect(endpoint, server.uri("ws", "/ws/room/stop")).thenApply(session -> endpoint);
            });
            var sse = Opener.open(streams, i -> EventStream.open(clients, server.uri("http", "/sse/stream")).opened);
            var answers = new ArrayList<CompletableFuture<ContentResponse>>();
            for (int i = 0; i < requests; i++) {
                answers.add(new CompletableResponseListener(clients.http().newRequest(server.uri("http", "/slow?ms=" + SLOW_REQUEST.toMillis()))
                        .timeout(30, TimeUnit.SECONDS)).send());
            }
            outcome.add(Figure.exactly("connections that failed to open", ws.failed() + sse.failed(), "", 0));
            var ready = server.awaitOpen(requests, sse.connections().size(), SLOW_REQUEST);
            outcome.add(Figure.exactly("HTTP requests in flight at SIGTERM", ready[0], "", requests));

            var signalled = System.nanoTime();
            server.process.destroy();
            var exited = server.process.onExit().completeOnTimeout(null, 30, TimeUnit.SECONDS).get();
            var exitMillis = Math.round((System.nanoTime() - signalled) / 1e6);
            var deadline = System.nanoTime() + WAIT_FOR_CLIENTS.toNanos();

            long goingAway = 0, answered = 0, ended = 0;
            for (var endpoint : ws.connections()) {
                if (Integer.valueOf(1001).equals(endpoint.closed.completeOnTimeout(-1, remaining(deadline), TimeUnit.NANOSECONDS).get())) goingAway++;
            }
            for (var stream : sse.connections()) {
                if (Boolean.TRUE.equals(stream.ended.completeOnTimeout(false, remaining(deadline), TimeUnit.NANOSECONDS).get())) ended++;
            }
            for (var answer : answers) {
                try {
                    var response = answer.get(remaining(deadline), TimeUnit.NANOSECONDS);
                    if (response.getStatus() == 200 && response.getContentAsString().startsWith("slept")) answered++;
                } catch (Exception e) {
                    // counted as not answered
                }
            }
            outcome.add(Figure.exactly("WebSockets closed with 1001", goingAway, "", ws.connections().size()));
            outcome.add(Figure.exactly("SSE streams ended cleanly", ended, "", sse.connections().size()));
            outcome.add(Figure.exactly("HTTP requests answered 200", answered, "", requests));
            outcome.add(Figure.atMost("SIGTERM to process exit", exitMillis, "ms", ReliabilityServer.STOP_TIMEOUT.toMillis()));
            if (exited == null) {
                outcome.note("the server had not exited 30 s after SIGTERM");
            } else {
                outcome.add(Figure.info("exit status", exited.exitValue(), ""));
            }
        }
    }

    private static long remaining(long deadline) {
        return Math.max(1, deadline - System.nanoTime());
    }
}
