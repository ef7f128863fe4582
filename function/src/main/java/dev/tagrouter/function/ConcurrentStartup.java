package dev.tagrouter.function;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * Runs a start-up load on its own thread, so that the routing table, the tagger's automaton and the tokenizer's
 * vocabulary (each a few hundred milliseconds of cold-JVM work) load side by side instead of one after another.
 */
final class ConcurrentStartup<T> {

    private final CompletableFuture<T> result;

    private ConcurrentStartup(String name, Supplier<T> load) {
        result = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                result.complete(load.get());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        }, "tagrouter-startup-" + name);
        thread.setDaemon(true);
        thread.start();
    }

    static <T> ConcurrentStartup<T> start(String name, Supplier<T> load) {
        return new ConcurrentStartup<>(name, load);
    }

    /** Waits for the load and rethrows its failure as it was thrown. */
    T await() {
        try {
            return result.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }
}
