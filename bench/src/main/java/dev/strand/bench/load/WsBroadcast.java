package dev.strand.bench.load;

import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.websocket.api.Callback;

/**
 * {@code ws-broadcast}: N subscribers on {@code /ws/broadcast} and one publisher on
 * {@code /ws/publish}, in {@link Fanout} rounds. Reports deliveries per second and delivery
 * latency from the publisher's send to each subscriber's receipt.
 */
final class WsBroadcast {

    private WsBroadcast() {
    }

    static Measurement run(LoadOptions options) throws Exception {
        var result = Measurement.of(options, "subscribers", options.connections());
        try (var clients = Clients.start(options.connections() + 1, options.sources())) {
            var fanout = new Fanout(options.connections());
            var opened = Opener.open(options.connections(),
                    i -> clients.ws().connect(new FanoutSubscriber(fanout), options.ws("/ws/broadcast")));
            var publisher = clients.ws().connect(new QuietEndpoint(), options.ws("/ws/publish"))
                    .get(10, TimeUnit.SECONDS);
            fanout.run(options, payload -> publisher.sendText(payload, Callback.from(() -> { }, fanout::failed)), result);
            result.metrics().merge("errors", opened.failed(), (a, b) -> a.longValue() + b.longValue());
        }
        return result;
    }
}
