package com.example.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strand.broadcast.Hub;
import dev.strand.test.StrandTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ShopAppTest {

    @Test
    void metricsCountRequestsByRouteAndReadinessFollowsTheInventory() throws Exception {
        var inventory = new Inventory();
        try (var rooms = Hub.inProcess()) {
            // No drain in a test: the stop at its end would wait the 10 s for nothing.
            var app = ShopApp.app(rooms, inventory).configure(c -> c.operations(o -> o.withDrainTime(Duration.ZERO)));
            StrandTest.run(app, (server, client) -> {
                assertEquals(12, client.get("/items/tea").json().get("count").asInt());
                assertEquals(3, client.get("/items/cups").json().get("count").asInt());
                var metrics = client.get("/metrics").body();
                assertTrue(metrics.contains("http_server_requests_seconds_count{method=\"GET\",outcome=\"SUCCESS\",status=\"200\",uri=\"/items/{item}\"} 2"),
                        metrics);
                assertTrue(metrics.contains("strand_broadcast_subscribers{hub=\"rooms\"}"), metrics);

                assertEquals(200, client.get("/health/ready").status());
                inventory.reachable(false);
                var ready = client.get("/health/ready");
                assertEquals(503, ready.status());
                assertEquals("DOWN", ready.json().get("checks").get("inventory").asText());
                assertEquals(200, client.get("/health/live").status());
            });
        }
    }

    @Test
    void anOwnRegistryGetsStrandsMetricsWithItsCommonTags() throws Exception {
        StrandTest.run(ShopApp.withOwnRegistry(new Inventory()), (server, client) -> {
            client.get("/items/tea");
            var metrics = client.get("/metrics").body();
            assertTrue(metrics.contains("service=\"shop\",status=\"200\",uri=\"/items/{item}\"} 1"), metrics);
            assertEquals(404, client.get("/health/ready").status(), "health is off unless turned on");
        });
    }
}
