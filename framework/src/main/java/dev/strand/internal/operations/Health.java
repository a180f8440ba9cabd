package dev.strand.internal.operations;

import dev.strand.HealthCheck;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A server's readiness: the built-in {@value #SERVER} check, which fails from the moment a
 * graceful stop begins, and the named checks (a hub's Redis relay, the app's own) asked at each
 * probe. Liveness has no checks: a process that answers is alive, and restarting it would not
 * bring back a database. Safe from any thread.
 */
public final class Health {
    private static final Logger LOG = LoggerFactory.getLogger(Health.class);
    /** The check that fails once the server stops. */
    public static final String SERVER = "server";

    private final List<Named> checks;
    private volatile boolean stopping;

    /** A check and the name its result is shown under; remembers its last result to log changes only. */
    public record Named(String name, HealthCheck check, AtomicBoolean healthy) {
        public Named(String name, HealthCheck check) {
            this(name, check, new AtomicBoolean(true));
        }
    }

    /** Readiness made of {@value #SERVER} and {@code checks}, in this order. */
    public Health(List<Named> checks) {
        this.checks = List.copyOf(checks);
    }

    /** From now on the server is not ready: a graceful stop began. */
    public void stopping() {
        stopping = true;
    }

    /** One probe's answer: the overall status and each check's, {@code UP} or {@code DOWN}. */
    record Report(boolean up, Map<String, String> checks) {
        /** The JSON body: {@code {"status":"UP","checks":{"server":"UP",...}}}, the status first. */
        Map<String, Object> body() {
            var body = new LinkedHashMap<String, Object>();
            body.put("status", status(up));
            body.put("checks", checks);
            return body;
        }
    }

    /** Runs every readiness check, each once. */
    Report ready() {
        var results = new LinkedHashMap<String, String>();
        boolean up = !stopping;
        results.put(SERVER, status(up));
        for (var named : checks) {
            boolean healthy = run(named);
            results.put(named.name(), status(healthy));
            up &= healthy;
        }
        return new Report(up, results);
    }

    /** Liveness: up while the process answers. */
    static Report live() {
        return new Report(true, Map.of());
    }

    private static boolean run(Named named) {
        boolean healthy;
        Exception failure = null;
        try {
            healthy = named.check().healthy();
        } catch (Exception e) {
            healthy = false;
            failure = e;
        }
        if (named.healthy().getAndSet(healthy) != healthy) {
            if (healthy) LOG.info("health check {} passes again", named.name());
            else if (failure != null) LOG.warn("health check {} fails", named.name(), failure);
            else LOG.warn("health check {} fails", named.name());
        }
        return healthy;
    }

    private static String status(boolean up) {
        return up ? "UP" : "DOWN";
    }
}
