package dev.strand.tests.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strand.Strand;
import dev.strand.annotation.Get;
import dev.strand.config.Operations;
import dev.strand.config.StrandConfig;
import dev.strand.test.StrandTest;
import dev.strand.tests.Await;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Mistakes in the operations settings stop the start (or the setter) with a message that says what to change. */
class OperationsStartupTest {

    public static final class OwnMetrics {
        @Get("/metrics")
        public String metrics() {
            return "mine";
        }
    }

    @Test
    void aRouteOfTheAppOnTheMetricsPathNamesBoth() {
        var e = assertThrows(IllegalStateException.class, () -> Strand.builder().controllers(new OwnMetrics())
                .host("127.0.0.1").port(0).configure(c -> c.operations(Operations.ON)).start());
        assertTrue(e.getMessage().contains("GET /metrics declared twice: OwnMetrics.metrics, Strand metrics"),
                e.getMessage());
        assertTrue(e.getMessage().endsWith("move it with StrandConfig.operations"), e.getMessage());
    }

    @Test
    void aRegistryWithoutPrometheusCannotServeTheEndpoint() {
        var e = assertThrows(IllegalStateException.class, () -> Strand.builder().controllers(new HealthTest.App())
                .meterRegistry(new SimpleMeterRegistry()).host("127.0.0.1").port(0).start());
        assertTrue(e.getMessage().startsWith("serving metrics at /metrics needs a PrometheusMeterRegistry"), e.getMessage());
    }

    @Test
    void anOwnRegistryTurnsMetricsOnWhicheverWayTheSettingsAreGiven() throws Exception {
        var registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        var app = Strand.builder().controllers(new HealthTest.App()).meterRegistry(registry).config(StrandConfig.defaults());
        StrandTest.run(app, (server, client) -> {
            assertTrue(server.config().operations().metrics());
            client.get("/hello");
            // timed when the exchange completes, which may be just after the client has the response
            Await.until("the request to be timed", Duration.ofSeconds(10),
                    () -> registry.find("http.server.requests").tag("uri", "/hello").timers().stream().anyMatch(t -> t.count() > 0));
            assertEquals(1, registry.get("http.server.requests").tag("uri", "/hello").timer().count());
            assertEquals(200, client.get("/metrics").status());
        });
    }

    @Test
    void pathsMustBeAbsoluteAndDistinct() {
        var relative = assertThrows(IllegalArgumentException.class, () -> Operations.ON.withReadyPath("ready"));
        assertEquals("readyPath must start with /, was 'ready'", relative.getMessage());
        var same = assertThrows(IllegalArgumentException.class, () -> Operations.ON.withLivePath("/health/ready"));
        assertTrue(same.getMessage().startsWith("metrics, liveness and readiness need paths of their own"), same.getMessage());
    }

    @Test
    void aCheckMayNotTakeStrandsOwnName() {
        var e = assertThrows(IllegalStateException.class, () -> Strand.builder().controllers(new HealthTest.App())
                .healthCheck("server", () -> true).host("127.0.0.1").port(0).start());
        assertEquals("health check name 'server' is Strand's own; choose another", e.getMessage());
    }
}
