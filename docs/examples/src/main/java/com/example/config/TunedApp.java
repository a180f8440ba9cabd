package com.example.config;

import dev.strand.Strand;
import dev.strand.config.Limits;
import java.time.Duration;

public final class TunedApp {
    private TunedApp() {
    }

    // #region config
    public static Strand.Builder app() {
        return Strand.builder()
                .controllers(new Tuned())
                .port(8080)
                .configure(c -> c
                        .limits(Limits.STRICT)                      // for the public internet
                        .maxRequestBodySize(256 * 1024)             // and tighter still for bodies
                        .idleTimeout(Duration.ofSeconds(20))
                        .maxConnections(5_000)
                        .stopTimeout(Duration.ofSeconds(10))
                        .sseHeartbeat(Duration.ofSeconds(10))
                        .ws(w -> w
                                .withPingInterval(Duration.ofSeconds(20))
                                .withOutboundBufferSize(256 * 1024)
                                .withAllowedOrigins("https://app.example.com")));
    }
    // #endregion config

    public static void main(String[] args) {
        app().args(args).start();                             // --port, --host and PORT still win
    }
}
