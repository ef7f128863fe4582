package dev.tagrouter.function;

import dev.tagrouter.routing.CompiledTable;
import dev.tagrouter.routing.InvalidTableException;
import dev.tagrouter.routing.JtokkitTokenCounter;
import dev.tagrouter.routing.RequestLimits;
import dev.tagrouter.routing.Router;
import dev.tagrouter.routing.RouterSettings;
import dev.tagrouter.routing.RoutingTable;
import dev.tagrouter.routing.TokenCounter;
import dev.tagrouter.tagging.RuleTagger;
import dev.tagrouter.tagging.TagVocabulary;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

/** Builds the one {@link Router} of the process at start-up, so a bad table or setting stops the start. */
@Singleton
public class RouterProducer {

    private static final Logger LOG = Logger.getLogger(RouterProducer.class);

    @Produces
    @Singleton
    @Startup
    Router router(TagrouterConfig config) {
        long startNanos = System.nanoTime();
        ConcurrentStartup<TokenCounter> tokens = ConcurrentStartup.start("tokenizer", JtokkitTokenCounter::new);
        ConcurrentStartup<RuleTagger> tagger = ConcurrentStartup.start("tagger",
                () -> new RuleTagger(TagVocabulary.curated(), config.tagger().maxTags()));
        RoutingTable table;
        try {
            table = RoutingTableSource.load(config.table().path());
        } catch (InvalidTableException e) {
            LOG.error("tagrouter cannot start: " + e.getMessage());
            throw e;
        }
        TagrouterConfig.Limits l = config.limits();
        RouterSettings settings = new RouterSettings(config.defaultTheta(), config.maxAbsTheta(), config.defaultModel(),
                new RequestLimits(l.maxQueryChars(), l.maxMessages(), l.maxTotalChars(), l.maxModels(),
                        l.maxNameChars()));
        Router router = new Router(CompiledTable.of(table), tagger.await(), tokens.await(), settings, System::nanoTime);
        LOG.infof("routing table %s loaded: %d models, %d tags, %s; router ready in %d ms", table.version(),
                table.models().size(), table.tags().size(), table.checksum(), (System.nanoTime() - startNanos) / 1_000_000);
        return router;
    }
}
