/** Not API. The operations endpoints: liveness, readiness and the Prometheus scrape, served as routes of their own. */
package dev.strand.internal.operations;
