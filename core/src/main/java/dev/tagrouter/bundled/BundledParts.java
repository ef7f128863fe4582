package dev.tagrouter.bundled;

import dev.tagrouter.capability.ModelCatalog;
import dev.tagrouter.capability.PrecomputedCatalogCodec;
import dev.tagrouter.precomputed.Resources;
import dev.tagrouter.table.PrecomputedTableCodec;
import dev.tagrouter.table.RoutingTable;
import dev.tagrouter.tagging.CompiledRules;
import dev.tagrouter.tagging.PrecomputedRulesCodec;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The parts bundled in the artifact that the build precomputed ({@link BundledPartsWriter}): the routing table, the
 * rule tagger's compiled rules (each read once into a holder class) and the model catalog. A native image
 * initialises the holders at build time, so there the parts are in the image heap and start-up reads nothing.
 */
public final class BundledParts {

    /** The bundled table as its JSON source, which the build reads, checks and validates. */
    public static final String TABLE_JSON = "tagrouter/table.json";
    /** The bundled table as the build precomputed it. */
    public static final String TABLE = "tagrouter/table.bin";
    /** The rule tagger over the curated vocabulary as the build compiled it. */
    public static final String RULES = "tagrouter/rules.bin";
    /** The model catalog extract as its JSON source, which the build reads. */
    public static final String CATALOG_JSON = "tagrouter/model-catalog.json";
    /** The model catalog as the build precomputed it. */
    public static final String CATALOG = "tagrouter/model-catalog.bin";

    private BundledParts() {
    }

    /** The bundled routing table, read from its precomputed form the first time it is asked for. */
    public static RoutingTable table() {
        try {
            return TableHolder.TABLE;
        } catch (ExceptionInInitializerError e) {
            throw unwrap(e);
        }
    }

    /** The rule tagger's rules over the curated vocabulary, read from their precomputed form once. */
    public static CompiledRules rules() {
        try {
            return RulesHolder.RULES;
        } catch (ExceptionInInitializerError e) {
            throw unwrap(e);
        }
    }

    /**
     * The bundled model catalog, read from its precomputed form at each call (the router reads it once). No holder:
     * a native image would put a holder's catalog in the image heap, which needs the capability classes initialised
     * at build time too; reading 468 bytes at start-up costs less than that coupling.
     */
    public static ModelCatalog catalog() {
        try {
            return new PrecomputedCatalogCodec().read(resource(CATALOG), "classpath:" + CATALOG);
        } catch (IOException e) {
            throw new IllegalStateException(e.getMessage() + "; rebuild the artifact", e);
        }
    }

    // The first caller gets the loader's own exception (a bad table must stop the start with its message).
    private static RuntimeException unwrap(ExceptionInInitializerError e) {
        if (e.getCause() instanceof RuntimeException cause) {
            return cause;
        }
        throw e;
    }

    static byte[] resource(String name) {
        try (InputStream in = BundledParts.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("classpath:" + name + " is missing from the artifact: the build"
                        + " writes it (the function module's precompute-bundled-parts step)");
            }
            return Resources.readAll(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read classpath:" + name, e);
        }
    }

    private static final class TableHolder {
        static final RoutingTable TABLE = new PrecomputedTableCodec().read(resource(BundledParts.TABLE),
                "classpath:" + BundledParts.TABLE);
    }

    private static final class RulesHolder {
        static final CompiledRules RULES = load();

        private static CompiledRules load() {
            try {
                return new PrecomputedRulesCodec().read(resource(BundledParts.RULES), "classpath:" + BundledParts.RULES);
            } catch (IOException e) {
                throw new IllegalStateException(e.getMessage() + "; rebuild the artifact", e);
            }
        }
    }
}
