package dev.tagrouter.function;

import dev.tagrouter.bundled.BundledParts;
import dev.tagrouter.cost.TokenCounter;
import dev.tagrouter.cost.TokenEncoding;
import dev.tagrouter.table.RoutingTable;
import dev.tagrouter.tagging.RuleTagger;
import org.jboss.logging.Logger;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * The three parts of a router that come from data (table, tagger, tokenizer), each loaded once and timed: the log
 * line says where the part came from (precomputed at build time, or built from text at run time) and how long it
 * took, which is what the cold-start tests read.
 */
record RouterParts(RoutingTable table, RuleTagger tagger, TokenCounter tokens) {

    private static final Logger LOG = Logger.getLogger(RouterParts.class);

    // Loaded one after the other: on threads they bought nothing measurable on 2 cores (issue 14) and cost CPU.
    static RouterParts load(Optional<String> tablePath, int maxTags) {
        return new RouterParts(
                timed("routing table", RoutingTableSource.origin(tablePath), () -> RoutingTableSource.load(tablePath)),
                timed("rule tagger", "precomputed at build time", () -> new RuleTagger(BundledParts.rules(), maxTags)),
                timed("token counter", "cl100k_base, precomputed at build time", TokenEncoding.CL100K_BASE::counter));
    }

    private static <T> T timed(String part, String origin, Supplier<T> load) {
        long start = System.nanoTime();
        T value = load.get();
        LOG.debugf("router part %s (%s) ready in %d us", part, origin, (System.nanoTime() - start) / 1_000);
        return value;
    }
}
