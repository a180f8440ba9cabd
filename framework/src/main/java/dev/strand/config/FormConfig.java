package dev.strand.config;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How much a form body may carry: {@code application/x-www-form-urlencoded} bodies (read whole,
 * within {@link Limits#maxBodySize()}) and {@code multipart/form-data} uploads. Each limit answers
 * 413 when passed, and every temporary file of the request is deleted.
 *
 * @param maxFields        fields of one form: name=value pairs of a URL-encoded body, parts of a
 *                         multipart body; default 100
 * @param maxFileSize      bytes of one multipart part; default 100 MiB
 * @param maxMultipartSize bytes of a whole multipart body, boundaries and part headers included;
 *                         default 200 MiB
 * @param memoryThreshold  bytes of a part kept in memory; a larger part is written to a temporary
 *                         file in {@code tempDirectory} as it arrives, deleted when the exchange
 *                         ends; default 64 KiB
 * @param tempDirectory    where uploads over {@code memoryThreshold} are stored while the request
 *                         lasts; default the JVM's {@code java.io.tmpdir}
 */
public record FormConfig(int maxFields, long maxFileSize, long maxMultipartSize, long memoryThreshold, Path tempDirectory) {

    /** The defaults listed above. */
    public static final FormConfig DEFAULT = new FormConfig(100, 100L << 20, 200L << 20, 64 << 10,
            Path.of(System.getProperty("java.io.tmpdir")));

    /**
     * Checks the settings.
     *
     * @throws NullPointerException     for a missing directory
     * @throws IllegalArgumentException for a count under 1 or a negative size
     */
    public FormConfig {
        Objects.requireNonNull(tempDirectory, "tempDirectory");
        if (maxFields < 1) throw new IllegalArgumentException("maxFields must be >= 1, was " + maxFields);
        if (maxFileSize < 0) throw new IllegalArgumentException("maxFileSize must be >= 0, was " + maxFileSize);
        if (maxMultipartSize < 0) throw new IllegalArgumentException("maxMultipartSize must be >= 0, was " + maxMultipartSize);
        if (memoryThreshold < 0) throw new IllegalArgumentException("memoryThreshold must be >= 0, was " + memoryThreshold);
    }

    /**
     * {@return these settings with another {@code maxFields}}
     *
     * @param count the most fields or parts of one form, at least 1; 413 past it
     */
    public FormConfig withMaxFields(int count) {
        return new FormConfig(count, maxFileSize, maxMultipartSize, memoryThreshold, tempDirectory);
    }

    /**
     * {@return these settings with another {@code maxFileSize}}
     *
     * @param bytes the most bytes of one multipart part; 413 past it
     */
    public FormConfig withMaxFileSize(long bytes) {
        return new FormConfig(maxFields, bytes, maxMultipartSize, memoryThreshold, tempDirectory);
    }

    /**
     * {@return these settings with another {@code maxMultipartSize}}
     *
     * @param bytes the most bytes of a whole multipart body; 413 past it
     */
    public FormConfig withMaxMultipartSize(long bytes) {
        return new FormConfig(maxFields, maxFileSize, bytes, memoryThreshold, tempDirectory);
    }

    /**
     * {@return these settings with another {@code memoryThreshold}}
     *
     * @param bytes the most bytes of a part kept in memory; 0 writes every file part to disk
     */
    public FormConfig withMemoryThreshold(long bytes) {
        return new FormConfig(maxFields, maxFileSize, maxMultipartSize, bytes, tempDirectory);
    }

    /**
     * {@return these settings with another {@code tempDirectory}}
     *
     * @param directory where large parts are stored while their request lasts; created if missing
     */
    public FormConfig withTempDirectory(Path directory) {
        return new FormConfig(maxFields, maxFileSize, maxMultipartSize, memoryThreshold, directory);
    }
}
