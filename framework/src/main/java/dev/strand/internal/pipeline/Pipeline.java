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
        new Step<>(ctx, terminal, errors, 0).run();
    }

    private final class Step<C extends Context> implements Middleware.Chain {
        private final C ctx;
        private final Middleware.Chain terminal;
        private final ErrorSink<? super C> errors;
        private final int index;
        private boolean proceeded;

        Step(C ctx, Middleware.Chain terminal, ErrorSink<? super C> errors, int index) {
            this.ctx = ctx;
            this.terminal = terminal;
            this.errors = errors;
            this.index = index;
        }

        @Override
        public void proceed() {
            if (proceeded) throw new IllegalStateException("chain.proceed() called twice by " + middleware[index - 1]);
            proceeded = true;
            run();
        }

        void run() {
            try {
                if (index == middleware.length) {
                    terminal.proceed();
                } else {
                    middleware[index].handle(ctx, new Step<>(ctx, terminal, errors, index + 1));
                }
            } catch (Throwable t) {
                errors.failed(ctx, t);
            }
        }
    }
}
