package dev.tagrouter.function;

import dev.tagrouter.capability.ModelCatalog;
import dev.tagrouter.decision.CostPreference;
import dev.tagrouter.decision.ExplorationPolicy;
import dev.tagrouter.routing.RequestLimits;
import dev.tagrouter.routing.Router;
import dev.tagrouter.routing.RouterSettings;
import dev.tagrouter.routing.ServiceRouters;
import dev.tagrouter.routing.ShadowRouter;
import dev.tagrouter.table.CompiledTable;
import dev.tagrouter.table.DecisionSettings;
import dev.tagrouter.table.InvalidTableException;
import dev.tagrouter.table.RoutingTable;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;

/** Builds the one {@link Router} of the process at start-up, so a bad table or setting stops the start. */
@Singleton
public class RouterProducer {

    private static final Logger LOG = Logger.getLogger(RouterProducer.class);

    @Produces
    @Singleton
    @Startup
    Router router(TagrouterConfig config, TaggerFactory taggers) {
        long startNanos = System.nanoTime();
        Optional<String> path = config.table().path();
        int maxTags = config.tagger().maxTags();
        RouterParts parts;
        try {
            parts = RouterParts.load(path, maxTags);
        } catch (InvalidTableException e) {
            LOG.error("tagrouter cannot start: " + e.getMessage());
            throw e;
        }
        RoutingTable table = parts.table();
        Router router;
        try {
            Optional<CostPreference> configured = costPreference(config.costPreference(), table.decision());
            TagrouterConfig.Limits l = config.limits();
            RouterSettings settings = new RouterSettings(configured,
                    new RequestLimits(l.maxQueryChars(), l.maxMessages(), l.maxTotalChars(), l.maxModels(),
                            l.maxNameChars()), exploration(config.exploration(), true));
            ModelCatalog catalog = RouterParts.catalog(config.gateway().catalogPath());
            // The remembered counts and rule tags are keyed by a secret a caller never sees, drawn once per process.
            router = ServiceRouters.build(table, parts.tagger(), rules -> taggers.create(config.tagger(), rules),
                    parts.tokens(), settings, System::nanoTime, catalog, new SecureRandom());
        } catch (IllegalArgumentException | InvalidTableException e) {
            // A setting the table or the router refuses, or a table that cannot route: the same one-line report.
            LOG.error("tagrouter cannot start: " + e.getMessage());
            throw e;
        }
        LOG.infof("routing table %s loaded: %d models, %d tags, %s, rule %s, default cost preference %s (%s); router"
                        + " ready %d ms after its producer started", table.version(), table.models().size(),
                table.tags().size(), table.checksum(), table.decision().rule().name().toLowerCase(Locale.ROOT),
                router.defaultPreference(), router.defaultPreference().resolve(table.decision()),
                (System.nanoTime() - startNanos) / 1_000_000);
        return router;
    }

    /** The shadow table, loaded and checked like the live one, so a bad candidate stops the start too. */
    @Produces
    @Singleton
    @Startup
    ShadowTable shadowTable(TagrouterConfig config, Router live) {
        Optional<String> path = config.shadowTable().path();
        if (path.isEmpty()) {
            return new ShadowTable(Optional.empty());
        }
        ShadowRouter shadow;
        try {
            RoutingTable table = RoutingTableSource.load(path, "tagrouter.shadow-table.path");
            shadow = new ShadowRouter(CompiledTable.of(table), exploration(config.exploration(), false),
                    costPreference(config.costPreference(), table.decision()));
        } catch (IllegalArgumentException | InvalidTableException e) {
            LOG.error("tagrouter cannot start: shadow table: " + e.getMessage());
            throw e;
        }
        RoutingTable table = shadow.table().table();
        if (!config.decisionLog().enabled()) {
            LOG.warn("tagrouter.shadow-table.path is set but the decision log is off: shadow decisions are only"
                    + " written to the decision log (tagrouter.decision-log.enabled=true)");
        }
        LOG.infof("shadow routing table %s loaded: %d models, %d tags, %s; decisions with it are logged next to"
                        + " the live table %s's, never served", table.version(), table.models().size(),
                table.tags().size(), table.checksum(), live.table().table().version());
        return new ShadowTable(Optional.of(shadow));
    }

    // tagrouter.cost-preference: a number, or a preset this table has; the error names the key and the table's presets.
    private static Optional<CostPreference> costPreference(Optional<String> value, DecisionSettings decision) {
        if (value.isEmpty()) {
            return Optional.empty();
        }
        try {
            CostPreference preference = CostPreference.parse(value.get());
            preference.resolve(decision);
            return Optional.of(preference);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("tagrouter.cost-preference=" + value.get() + " is refused: "
                    + e.getMessage(), e);
        }
    }

    private static Optional<ExplorationPolicy> exploration(TagrouterConfig.Exploration config, boolean report) {
        if (!config.enabled()) {
            return Optional.empty();
        }
        if (report) {
            LOG.infof("exploration is on: temperature %s, floor %s", config.temperature(), config.floor());
        }
        return Optional.of(new ExplorationPolicy(config.temperature(), config.floor(), config.seed()));
    }
}
