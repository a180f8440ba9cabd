package dev.strand.middleware;

import dev.strand.Context;
import dev.strand.Middleware;
import java.util.List;

/** Runs a fixed list of middleware around a terminal step. Built once per route; reentrant. */
public final class Pipeline {
    private static final Middleware[] NONE = new Middleware[0];
    private final Middleware[] middleware;

    public Pipeline(List<Middleware> middleware) {
        this.middleware = middleware.toArray(NONE);
    }

    /** Whether the pipeline has no middleware at all. */
    public boolean isEmpty() {
        return middleware.length == 0;
    }

    /** Runs every middleware in order, then {@code terminal}, unless a middleware stops the chain. */
    public void run(Context ctx, Middleware.Chain terminal) throws Exception {
        if (middleware.length == 0) {
            terminal.proceed();
        } else {
            new Step(ctx, terminal, 0).proceed();
        }
    }

    private final class Step implements Middleware.Chain {
        private final Context ctx;
        private final Middleware.Chain terminal;
        private final int index;

        Step(Context ctx, Middleware.Chain terminal, int index) {
            this.ctx = ctx;
            this.terminal = terminal;
            this.index = index;
        }

        @Override
        public void proceed() throws Exception {
            if (index == middleware.length) {
                terminal.proceed();
            } else {
                middleware[index].handle(ctx, new Step(ctx, terminal, index + 1));
            }
        }
    }
}
