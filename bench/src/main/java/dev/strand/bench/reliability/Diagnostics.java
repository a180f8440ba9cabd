package dev.strand.bench.reliability;

import java.util.Map;

/**
 * What the server process holds at one moment: the figures a leak would raise. Taken by
 * {@link Probe} in the server, read by the driver (which has no Strand on its class path).
 *
 * @param virtualThreads  live virtual threads, counted in a JSON thread dump (this request's own included)
 * @param platformThreads live platform threads, the virtual threads' carriers and the server's thread pool aside
 * @param poolThreads     live threads of the server's Jetty thread pool (selectors, acceptors, and
 *                        workers it adds under load and retires after 60 s idle)
 * @param carrierThreads  live carriers of virtual threads: the scheduler adds some while virtual threads
 *                        block in ways that hold their carrier, and retires them after 30 s idle
 * @param subscriptions   hub subscriptions, summed over all topics
 * @param fds             open file descriptors ({@code /proc/self/fd})
 * @param heapKb          heap in use; right after a full GC when asked for
 * @param rssKb           resident set size
 * @param sseOpened       SSE streams opened so far
 * @param sseCloseActions SSE close actions ({@code ctx.onClose}) run so far
 * @param slowInFlight    {@code GET /slow} requests in progress
 * @param relayUp         whether the hub's Redis relay is connected both ways
 * @param wsCloseCodes    WebSockets closed so far, by close code
 */
public record Diagnostics(int virtualThreads, int platformThreads, int poolThreads, int carrierThreads, int subscriptions, int fds, long heapKb, long rssKb,
                          long sseOpened, long sseCloseActions, long slowInFlight, boolean relayUp,
                          Map<Integer, Long> wsCloseCodes) {
}
