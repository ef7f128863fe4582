package dev.tagrouter.function;

import jakarta.inject.Singleton;

import java.util.function.Supplier;

/**
 * Routes on the calling thread without telling the decision observers: warm-up requests (SnapStart priming) take
 * the path real requests take but must leave no decision-log line and no metric, since no caller asked for them.
 * Per thread, so a real request served on another thread at the same time is observed as always.
 */
@Singleton
public class UnobservedRouting {

    private final ThreadLocal<Boolean> active = ThreadLocal.withInitial(() -> Boolean.FALSE);

    /** Runs {@code work}; decisions it makes on this thread reach no observer. */
    public <T> T run(Supplier<T> work) {
        boolean outer = active.get();
        active.set(Boolean.TRUE);
        try {
            return work.get();
        } finally {
            active.set(outer);
        }
    }

    /** Whether decisions made on this thread now are to be observed. */
    boolean observing() {
        return !active.get();
    }
}
