package dev.tagrouter.function;

import dev.tagrouter.bundled.BundledParts;
import dev.tagrouter.capability.ModelCatalog;
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

    /**
     * The model catalog, timed like the parts; its line says "router model catalog", not "router part", so that readers
     * of the three data parts' lines (ColdStartPartsIT, scripts/startup-steps.sh) keep their count.
     */
    static ModelCatalog catalog(Optional<String> catalogPath) {
        return logged("router model catalog", ModelCatalogSource.origin(catalogPath),
                () -> ModelCatalogSource.load(catalogPath));
    }

    private static <T> T timed(String part, String origin, Supplier<T> load) {
        return logged("router part " + part, origin, load);
    }

    private static <T> T logged(String what, String origin, Supplier<T> load) {
        long start = System.nanoTime();
        T value = load.get();
        LOG.debugf("%s (%s) ready in %d us", what, origin, (System.nanoTime() - start) / 1_000);
        return value;
    }
}
