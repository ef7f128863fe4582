package dev.tagrouter.routing;

import dev.tagrouter.capability.ModelCatalog;
import dev.tagrouter.cost.RememberingCounters;
import dev.tagrouter.cost.TokenCounter;
import dev.tagrouter.cost.TokenEncoding;
import dev.tagrouter.table.CompiledTable;
import dev.tagrouter.table.RoutingTable;
import dev.tagrouter.tagging.ModalTagger;
import dev.tagrouter.tagging.RememberingTagger;
import dev.tagrouter.tagging.Tagger;

import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.random.RandomGenerator;

/**
 * Assembles the router the service runs, with its token counts and rule tags remembered, in one place so that the
 * service's producer and the benchmarks that measure it cannot drift apart.
 */
public final class ServiceRouters {

    private ServiceRouters() {
    }

    /**
     * A conversation resends its earlier turns with every request: their token counts and their rule tags are
     * remembered under keys drawn from {@code keys}, which the service draws from a secure source once per process
     * (so a caller cannot aim at a slot) and a benchmark may seed.
     *
     * @param rules     the rule tagger, wrapped in a {@link RememberingTagger} before {@code taggerFor} sees it
     * @param taggerFor the tagger to route with, given the remembering rules (e.g. a modal tagger with a remote
     *                  tagger that falls back to them)
     * @param tokens    the default counter, of {@link TokenEncoding#CL100K_BASE}; the catalog's other encodings get
     *                  their own remembering counters
     * @throws dev.tagrouter.table.InvalidTableException when the table cannot route
     * @throws IllegalArgumentException                   when the settings or {@code taggerFor} refuse
     */
    public static Router build(RoutingTable table, Tagger rules, Function<Tagger, ModalTagger> taggerFor,
                               TokenCounter tokens, RouterSettings settings, LongSupplier nanoTime,
                               ModelCatalog catalog, RandomGenerator keys) {
        RememberingCounters counters = new RememberingCounters(keys.nextLong(), keys.nextLong());
        RememberingTagger remembering = new RememberingTagger(rules, RememberingTagger.DEFAULT_SLOTS,
                keys.nextLong(), keys.nextLong());
        return new Router(CompiledTable.of(table), taggerFor.apply(remembering), counters.of(tokens), settings,
                nanoTime, catalog, counters.forCatalog(catalog, TokenEncoding.CL100K_BASE.encodingName()));
    }
}
