package dev.tagrouter.cost;

import dev.tagrouter.capability.ModelCapabilities;
import dev.tagrouter.capability.ModelCatalog;

import java.util.HashMap;
import java.util.Map;

/**
 * Makes the router's token counters, each remembering the texts it has counted ({@link MemoizedTokenCounter}) under
 * one secret key: the default counter, and one per other encoding the model catalog names.
 */
public final class RememberingCounters {

    private final long k0;
    private final long k1;

    /** @param k0, k1 the hash key; a secret from a secure random source, drawn once per process */
    public RememberingCounters(long k0, long k1) {
        this.k0 = k0;
        this.k1 = k1;
    }

    /** The counter, remembering what it has counted. */
    public TokenCounter of(TokenCounter counter) {
        return new MemoizedTokenCounter(counter, MemoizedTokenCounter.DEFAULT_SLOTS, k0, k1);
    }

    /** Counters by encoding name for the encodings the catalog names besides {@code defaultEncoding}, nothing more. */
    public Map<String, TokenCounter> forCatalog(ModelCatalog catalog, String defaultEncoding) {
        Map<String, TokenCounter> counters = new HashMap<>();
        for (ModelCapabilities model : catalog.models().values()) {
            String name = model.encoding();
            if (name != null && !name.equals(defaultEncoding)) {
                counters.computeIfAbsent(name, n -> of(TokenCounter.forEncoding(n)));
            }
        }
        return counters;
    }
}
