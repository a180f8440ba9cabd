package dev.strand.config;

/**
 * How much a request may carry before Strand refuses it, each with the status it answers.
 *
 * @param maxBodySize    bytes the whole-body getters read (413 past it)
 * @param maxHeaderSize  bytes of request line plus headers (431 past it)
 * @param maxUriLength   characters of path plus query (414 past it)
 * @param maxQueryParams query parameters (400 past it)
 * @param maxStreamSize  bytes {@code requestBodyStream()} delivers (413 past it, then the connection closes)
 */
public record Limits(long maxBodySize, int maxHeaderSize, int maxUriLength, int maxQueryParams, long maxStreamSize) {

    /** The defaults: 10 MiB body, 8 KiB headers, 4,096-character URI, 256 query parameters, 1 GiB streamed body. */
    public static final Limits DEFAULT = new Limits(10L * 1024 * 1024, 8 * 1024, 4096, 256, 1L << 30);

    /**
     * For servers on the public internet: 1 MiB body, 4 KiB headers, 2,048-character URI, 32 query
     * parameters, 100 MiB streamed body.
     */
    public static final Limits STRICT = new Limits(1024 * 1024, 4 * 1024, 2048, 32, 100L * 1024 * 1024);

    /**
     * Checks the limits.
     *
     * @throws IllegalArgumentException for a negative size or count, headers under 1,024 bytes or
     *                                  a URI limit under 16 characters
     */
    public Limits {
        if (maxBodySize < 0) throw new IllegalArgumentException("maxBodySize must be >= 0, was " + maxBodySize);
        if (maxHeaderSize < 1024) throw new IllegalArgumentException("maxHeaderSize must be >= 1024, was " + maxHeaderSize);
        if (maxUriLength < 16) throw new IllegalArgumentException("maxUriLength must be >= 16, was " + maxUriLength);
        if (maxQueryParams < 0) throw new IllegalArgumentException("maxQueryParams must be >= 0, was " + maxQueryParams);
        if (maxStreamSize < 0) throw new IllegalArgumentException("maxStreamSize must be >= 0, was " + maxStreamSize);
    }

    /**
     * {@return these limits with another {@code maxBodySize}}
     *
     * @param bytes the most bytes {@code requestBody()} and {@code @Body} read; 413 past it
     */
    public Limits withMaxBodySize(long bytes) {
        return new Limits(bytes, maxHeaderSize, maxUriLength, maxQueryParams, maxStreamSize);
    }

    /**
     * {@return these limits with another {@code maxHeaderSize}}
     *
     * @param bytes the most bytes of request line plus headers, at least 1,024; 431 past it
     */
    public Limits withMaxHeaderSize(int bytes) {
        return new Limits(maxBodySize, bytes, maxUriLength, maxQueryParams, maxStreamSize);
    }

    /**
     * {@return these limits with another {@code maxUriLength}}
     *
     * @param chars the most characters of path plus query, at least 16; 414 past it
     */
    public Limits withMaxUriLength(int chars) {
        return new Limits(maxBodySize, maxHeaderSize, chars, maxQueryParams, maxStreamSize);
    }

    /**
     * {@return these limits with another {@code maxQueryParams}}
     *
     * @param count the most query parameters; 400 past it
     */
    public Limits withMaxQueryParams(int count) {
        return new Limits(maxBodySize, maxHeaderSize, maxUriLength, count, maxStreamSize);
    }

    /**
     * {@return these limits with another {@code maxStreamSize}}
     *
     * @param bytes the most bytes {@code requestBodyStream()} delivers; 413 past it
     */
    public Limits withMaxStreamSize(long bytes) {
        return new Limits(maxBodySize, maxHeaderSize, maxUriLength, maxQueryParams, bytes);
    }
}
