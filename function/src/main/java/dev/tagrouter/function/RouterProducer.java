package dev.tagrouter.function;

import dev.tagrouter.table.CompiledTable;
import dev.tagrouter.decision.ExplorationPolicy;
import dev.tagrouter.table.InvalidTableException;
import dev.tagrouter.routing.RequestLimits;
import dev.tagrouter.routing.Router;
import dev.tagrouter.routing.RouterSettings;
import dev.tagrouter.table.RoutingTable;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

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
        RouterParts parts = EarlyStart.take(path, maxTags).orElseGet(() -> RouterParts.load(path, maxTags));
        RoutingTable table;
        try {
            table = parts.table().await();
        } catch (InvalidTableException e) {
            LOG.error("tagrouter cannot start: " + e.getMessage());
            throw e;
        }
        TagrouterConfig.Limits l = config.limits();
        RouterSettings settings = new RouterSettings(config.defaultTheta(), config.maxAbsTheta(), config.defaultModel(),
                new RequestLimits(l.maxQueryChars(), l.maxMessages(), l.maxTotalChars(), l.maxModels(),
                        l.maxNameChars()), exploration(config.exploration()));
        Router router = new Router(CompiledTable.of(table), taggers.create(config.tagger(), parts.tagger().await()),
                parts.tokens().await(), settings, System::nanoTime);
        LOG.infof("routing table %s loaded: %d models, %d tags, %s; router ready %d ms after its producer started", table.version(),
                table.models().size(), table.tags().size(), table.checksum(), (System.nanoTime() - startNanos) / 1_000_000);
        return router;
    }

    private static Optional<ExplorationPolicy> exploration(TagrouterConfig.Exploration config) {
        if (!config.enabled()) {
            return Optional.empty();
        }
        LOG.infof("exploration is on: temperature %s, floor %s", config.temperature(), config.floor());
        return Optional.of(new ExplorationPolicy(config.temperature(), config.floor(), config.seed()));
    }
}
