package dev.strand.internal.pipeline;

import dev.strand.Context;

/**
 * Turns a failure of a chain step into the response, so the steps around it carry on normally.
 *
 * @param <C> the Context implementation the sink answers on
 */
@FunctionalInterface
public interface ErrorSink<C extends Context> {
    /** Records {@code failure} as the response of {@code ctx} (or as the reason to abort it). */
    void failed(C ctx, Throwable failure);
}
