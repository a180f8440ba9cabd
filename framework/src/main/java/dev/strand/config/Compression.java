package dev.strand.config;

/**
 * Compression of response bodies and decoding of compressed request bodies.
 *
 * <p>A response is compressed when the client's {@code Accept-Encoding} names an encoding the
 * server has (gzip always; brotli and zstd when the app adds Jetty's
 * {@code jetty-compression-brotli} or {@code jetty-compression-zstandard}), the body is at least
 * {@code minResponseSize} bytes, and its type is not already compressed (images, audio, video,
 * fonts, archives) and not {@code text/event-stream}: an SSE event must reach the client when it is
 * sent, and a compressor keeps small writes back until it has more. Responses that may be compressed
 * carry {@code Vary: Accept-Encoding}.
 *
 * <p>A POST, PUT or PATCH body sent with {@code Content-Encoding: gzip} (or another encoding the
 * server has) reaches the handler decoded; the body limits count the decoded bytes, so a small body
 * that expands past {@link Limits#maxBodySize()} answers 413.
 *
 * @param enabled         whether to compress and decode at all; default true. Off, no request pays
 *                        for it
 * @param minResponseSize bytes of a response body under which it is sent as it is; default 1,024
 */
public record Compression(boolean enabled, int minResponseSize) {

    /** The defaults: on, 1 KiB threshold. */
    public static final Compression DEFAULT = new Compression(true, 1024);

    /** Off: responses and request bodies pass as they are. */
    public static final Compression OFF = new Compression(false, 1024);

    /** @throws IllegalArgumentException for a negative {@code minResponseSize} */
    public Compression {
        if (minResponseSize < 0) throw new IllegalArgumentException("minResponseSize must be >= 0, was " + minResponseSize);
    }

    /**
     * {@return these settings with another {@code minResponseSize}}
     *
     * @param bytes the smallest response body compressed
     */
    public Compression withMinResponseSize(int bytes) {
        return new Compression(enabled, bytes);
    }
}
