package dev.strand.internal.pipeline;

import dev.strand.Context;
import dev.strand.Middleware;
import java.util.List;

/**
 * Runs a fixed list of middleware around a terminal step. Built once per route; reentrant.
 * A failure in any step becomes the response right there (through the {@link ErrorSink}), so
 * the code after {@code proceed()} in every outer step still runs and sees the error status.
 */
public final class Pipeline {
    private static final Middleware[] NONE = new Middleware[0];
    private final Middleware[] middleware;

    public Pipeline(List<Middleware> middleware) {
        this.middleware = middleware.toArray(NONE);
    }

    /** The middleware, in the order they run. */
    public List<Middleware> middleware() {
        return List.of(middleware);
    }

    /** Runs every middleware in order, then {@code terminal}, unless a middleware stops the chain. Never throws. */
    public <C extends Context> void run(C ctx, Middleware.Chain terminal, ErrorSink<? super C> errors) {
        new Run<>(ctx, terminal, errors).step(0);
    }

    /**
     * One request's way through the chain: the one object a request allocates here, handed to
     * every middleware as its {@link Middleware.Chain}. Middleware run nested on one thread, so
     * {@code current} (the step whose {@code proceed()} continues) is set on the way in and put
     * back on the way out; a step may proceed only while no step at its depth or deeper has.
     */
    private final class Run<C extends Context> implements Middleware.Chain {
        private final C ctx;
        private final Middleware.Chain terminal;
        private final ErrorSink<? super C> errors;
        private int current;
        private int proceeded = -1;

        Run(C ctx, Middleware.Chain terminal, ErrorSink<? super C> errors) {
            this.ctx = ctx;
            this.terminal = terminal;
            this.errors = errors;
        }

        @Override
        public void proceed() {
            int index = current;
            if (proceeded >= index) throw new IllegalStateException("chain.proceed() called twice by " + middleware[index]);
            proceeded = index;
            step(index + 1);
            current = index;
        }

        void step(int index) {
            current = index;
            try {
                if (index == middleware.length) {
                    terminal.proceed();
                } else {
                    middleware[index].handle(ctx, this);
                }
            } catch (Throwable t) {
                errors.failed(ctx, t);
            }
        }
    }
}
