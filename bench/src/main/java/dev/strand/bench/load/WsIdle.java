package dev.strand.bench.load;

import org.eclipse.jetty.websocket.api.Session;

/**
 * {@code ws-idle}: opens N WebSocket connections that send nothing, and measures the server's heap
 * after GC and its RSS with them open, in total and per connection above the figures before.
 */
final class WsIdle {

    private WsIdle() {
    }

    static Measurement run(LoadOptions options) throws Exception {
        if (options.serverPid() <= 0) {
            throw new IllegalArgumentException("ws-idle measures the server's memory and needs --server-pid");
        }
        var result = Measurement.of(options, "connections", options.connections());
        try (var clients = Clients.start(options.connections(), options.sources())) {
            var baseline = ServerMemory.of(options.serverPid());
            var opened = Opener.open(options.connections(),
                    i -> clients.ws().connect(new QuietEndpoint(), options.ws("/ws/echo")));
            var open = opened.connections().size();
            result.metrics().put("open", open);
            result.metrics().put("connects_per_s", Math.round(open / (opened.took().toNanos() / 1e9)));
            ServerMemory.of(options.serverPid()).report(baseline, open, result.metrics());
            var stillOpen = opened.connections().stream().filter(Session::isOpen).count();
            result.metrics().put("errors", opened.failed() + (open - stillOpen));
        }
        return result;
    }
}
