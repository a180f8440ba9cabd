package dev.strand.internal.pipeline;

import dev.strand.Context;

/** Turns a failure of a chain step into the response, so the steps around it carry on normally. */
@FunctionalInterface
public interface ErrorSink {
    /** Records {@code failure} as the response of {@code ctx} (or as the reason to abort it). */
    void failed(Context ctx, Throwable failure);
}
