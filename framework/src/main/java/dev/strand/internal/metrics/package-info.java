/**
 * Not API. What the Jetty binding reports to metrics, as interfaces with a constant that records
 * nothing. Nothing here names Micrometer: with metrics off, {@link dev.strand.internal.metrics.Meters#OFF}
 * is the only implementation loaded, so the JIT inlines its empty methods away.
 */
package dev.strand.internal.metrics;
