package dev.strand;

/**
 * One thing a server needs in order to take traffic, asked each time its readiness endpoint is
 * requested ({@code StrandConfig.operations().readyPath()}). Registered with
 * {@code Strand.Builder.healthCheck(name, check)}:
 *
 * {@snippet :
 * Strand.builder()
 *         .configure(c -> c.operations(Operations.ON))
 *         .healthCheck("database", () -> db.isValid(1))      // seconds
 *         .start();
 * }
 *
 * <p>Called on the probe's virtual thread, possibly by several probes at once; keep it quick and
 * bound its waits (a probe that times out counts as a failure at the load balancer anyway).
 */
@FunctionalInterface
public interface HealthCheck {

    /**
     * Whether the part it checks works now.
     *
     * @return {@code true} when healthy
     * @throws Exception when the check itself fails; counted as unhealthy, and logged (once per
     *                   change from healthy to unhealthy) rather than shown to the prober
     */
    boolean healthy() throws Exception;
}
