package com.example.scale;

import dev.strand.Context;
import dev.strand.annotation.Get;
import dev.strand.broadcast.Hub;

/**
 * GET /health for the load balancer: 200 while this instance can reach the others through
 * Redis, 503 while it cannot (its clients would only hear people on the same instance).
 */
public final class Health {
    private final Hub hub;

    public Health(Hub hub) {
        this.hub = hub;
    }

    public record Status(boolean relayUp) {}

    @Get("/health")
    public Status health(Context ctx) {
        var up = hub.relayUp();
        if (!up) ctx.setResponseStatus(503);
        return new Status(up);
    }
}
