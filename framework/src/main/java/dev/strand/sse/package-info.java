/** The Server-Sent Event a handler sends with {@code ctx.sendEvent} ({@link dev.strand.sse.SseEvent}). */
package dev.strand.sse;
