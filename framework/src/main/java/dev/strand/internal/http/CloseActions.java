package dev.strand.internal.http;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The actions to run once when an exchange ends; added from the handler, run by whoever sees the end. */
final class CloseActions {
    private static final Logger LOG = LoggerFactory.getLogger(CloseActions.class);

    private final ReentrantLock lock = new ReentrantLock();
    private List<Runnable> actions;
    private boolean ran;

    void add(Runnable action) {
        lock.lock();
        try {
            if (!ran) {
                if (actions == null) actions = new ArrayList<>(2);
                actions.add(action);
                return;
            }
        } finally {
            lock.unlock();
        }
        runOne(action);
    }

    void run() {
        List<Runnable> toRun;
        lock.lock();
        try {
            if (ran) return;
            ran = true;
            toRun = actions;
            actions = null;
        } finally {
            lock.unlock();
        }
        if (toRun != null) toRun.forEach(CloseActions::runOne);
    }

    private static void runOne(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            LOG.warn("a close action failed", e);
        }
    }
}
