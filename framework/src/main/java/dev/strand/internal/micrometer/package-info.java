/**
 * Not API. Strand's metrics recorded with Micrometer: the only package that names Micrometer, so
 * its classes (and Micrometer's) are loaded only when metrics are on, and Strand runs without
 * Micrometer on the class path.
 */
package dev.strand.internal.micrometer;
