package dev.strand.internal.http;

import dev.strand.config.Compression;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import org.eclipse.jetty.compression.server.CompressionConfig;
import org.eclipse.jetty.compression.server.CompressionHandler;
import org.eclipse.jetty.server.Handler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Jetty's {@link CompressionHandler} set up from {@link Compression}: every encoding whose Jetty
 * module is present (gzip always), preferring brotli, then zstd, then gzip when a client accepts
 * several. Jetty's defaults keep already-compressed types and {@code text/event-stream} as they are:
 * its gzip encoder holds small writes back until more arrives, so an SSE event would wait for the
 * next ones instead of reaching the client when sent.
 */
final class ResponseCompression {
    private static final Logger LOG = LoggerFactory.getLogger(ResponseCompression.class);
    private static final List<String> PREFERRED = List.of("br", "zstd", "gzip");

    private ResponseCompression() {
    }

    /** {@return {@code next} behind a compression handler} */
    static Handler around(Handler next, Compression settings) {
        var handler = new CompressionHandler(next);
        for (var provider : ServiceLoader.load(org.eclipse.jetty.compression.Compression.class).stream().toList()) {
            try {
                var compression = provider.get();
                compression.setMinCompressSize(settings.minResponseSize());
                handler.putCompression(compression);
            } catch (ServiceConfigurationError | LinkageError e) {
                LOG.warn("Compression {} is on the class path but cannot load; responses will not use it: {}",
                        provider.type().getSimpleName(), e.toString());
            }
        }
        handler.putConfiguration("/", CompressionConfig.builder()
                .defaults()
                .decompressIncludeMethod("PUT")
                .decompressIncludeMethod("PATCH")
                .compressPreferredEncodings(PREFERRED)
                .build());
        return handler;
    }
}
