package com.example.operations;

import dev.strand.Strand;
import dev.strand.broadcast.Hub;
import dev.strand.config.Operations;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;

public final class ShopApp {
    private ShopApp() {
    }

    // #region operations
    public static Strand.Builder app(Hub rooms, Inventory inventory) {
        return Strand.builder()
                .controllers(new Items(inventory))
                .hub("rooms", rooms)                              // its meters; with Redis, 503 while the relay is down
                .healthCheck("inventory", inventory::reachable)   // 503 while it answers false or throws
                .configure(c -> c.operations(Operations.ON        // /metrics, /health/live, /health/ready
                        .withDrainTime(Duration.ofSeconds(10))));  // on stop: 503 first, serve on for 10 s
    }
    // #endregion operations

    // #region own-registry
    public static Strand.Builder withOwnRegistry(Inventory inventory) {
        var registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registry.config().commonTags("service", "shop");          // on every series, Strand's too
        return Strand.builder()
                .controllers(new Items(inventory))
                .meterRegistry(registry);                         // turns metrics on, recorded there
    }
    // #endregion own-registry

    public static void main(String[] args) {
        app(Hub.inProcess(), new Inventory()).args(args).start();
    }
}
