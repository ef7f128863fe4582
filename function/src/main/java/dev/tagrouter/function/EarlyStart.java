package dev.tagrouter.function;

import dev.tagrouter.tagging.RuleTagger;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Starts loading the default router parts before the framework boots, so that their few hundred milliseconds of
 * cold-JVM work overlap the boot instead of following it. Called from a {@code main} method; the producer takes the
 * parts only if the configuration turns out to ask for exactly these defaults, and loads its own otherwise.
 */
public final class EarlyStart {

    // Written once by main before the container exists, taken once by the producer: the only hand-over point there is.
    private static final AtomicReference<RouterParts> PARTS = new AtomicReference<>();

    private EarlyStart() {
    }

    /** Begins loading the bundled table, the curated tagger with the default cap, and the tokenizer. */
    public static void begin() {
        PARTS.compareAndSet(null, RouterParts.load(Optional.empty(), RuleTagger.DEFAULT_MAX_TAGS));
    }

    static Optional<RouterParts> take(Optional<String> tablePath, int maxTags) {
        RouterParts parts = PARTS.getAndSet(null);
        return parts != null && parts.matches(tablePath, maxTags) ? Optional.of(parts) : Optional.empty();
    }
}
