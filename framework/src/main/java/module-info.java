/**
 * Strand: HTTP, WebSocket and Server-Sent Events on virtual threads, over Jetty 12.
 *
 * <p>Only the API is exported: {@link dev.strand.Strand} and {@link dev.strand.Context} with the
 * exceptions, the WebSocket message and SSE event types, the configuration records, the bundled
 * middleware and broadcast. Scanning, routing, the pipeline, JSON and the Jetty binding live in
 * {@code dev.strand.internal.*}, which no other module may use.
 *
 * <p>On the module path, Strand calls controller methods through a lookup into their class, so a
 * module with controllers opens their packages to {@code dev.strand}
 * ({@code opens com.example.app to dev.strand;}). On the class path nothing is needed.
 */
@SuppressWarnings("requires-automatic") // jedis and Micrometer have no module-info, only an Automatic-Module-Name
module dev.strand {
    requires transitive dev.strand.annotation;
    // Builder.json(ObjectMapper) takes an ObjectMapper from the app.
    requires transitive com.fasterxml.jackson.databind;
    requires org.eclipse.jetty.server;
    requires org.eclipse.jetty.websocket.core.server;
    requires org.eclipse.jetty.http2.server;
    requires org.eclipse.jetty.alpn.server;
    requires org.eclipse.jetty.compression;
    requires org.eclipse.jetty.compression.server;
    requires org.eclipse.jetty.compression.gzip;
    requires io.github.classgraph;
    requires org.slf4j;
    // Only for the Redis relay of broadcast; apps that use it add jedis themselves.
    requires static redis.clients.jedis;
    // Only for metrics (StrandConfig.operations); apps that turn them on add Micrometer themselves.
    // Builder.meterRegistry(MeterRegistry) takes the app's registry.
    requires static micrometer.core;
    requires static micrometer.registry.prometheus;
    requires static micrometer.java21;

    // gzip always; brotli and zstd when the app adds Jetty's modules for them.
    uses org.eclipse.jetty.compression.Compression;

    exports dev.strand;
    exports dev.strand.broadcast;
    exports dev.strand.config;
    exports dev.strand.middleware;
    exports dev.strand.sse;
    exports dev.strand.websocket;
}
