package dev.tagrouter.function;

import dev.tagrouter.remotetagger.ChatCompletionsClient;
import dev.tagrouter.remotetagger.RemoteCallObserver;
import dev.tagrouter.remotetagger.RemoteTagGenerator;
import dev.tagrouter.remotetagger.RemoteTaggerSettings;
import dev.tagrouter.remotetagger.SecretsManagerApiKey;
import dev.tagrouter.tagging.ModalTagger;
import dev.tagrouter.tagging.TagAligner;
import dev.tagrouter.tagging.TagGenerator;
import dev.tagrouter.tagging.TagVocabulary;
import dev.tagrouter.tagging.Tagger;
import dev.tagrouter.tagging.TaggerMode;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Builds the router's tagger from configuration: the embedded rules, plus the remote tag generator when a URL is set. */
@Singleton
public class TaggerFactory {

    private static final Logger LOG = Logger.getLogger(TaggerFactory.class);

    @Inject
    Instance<RemoteCallObserver> observers;

    ModalTagger create(TagrouterConfig.Tagger config, Tagger rules) {
        TaggerMode mode = TaggerMode.of(config.mode()).orElseThrow(() -> new IllegalArgumentException(
                "tagrouter.tagger.mode must be one of " + TaggerMode.codes() + ", got '" + config.mode() + "'"));
        Optional<TagGenerator> remote = remote(config.remote());
        if (config.remote().url().isEmpty() && mode != TaggerMode.RULES) {
            LOG.warnf("tagrouter.tagger.mode is %s but tagrouter.tagger.remote.url is not set: every query is tagged"
                    + " by the rules, with fallbackReason not_configured", mode.code());
        }
        // The aligner's trigram index is only worth building when there is something to align.
        TagAligner aligner = remote.isPresent()
                ? new TagAligner(TagVocabulary.curated(), config.alignmentThreshold()) : null;
        return new ModalTagger(rules, remote, aligner, mode);
    }

    private Optional<TagGenerator> remote(TagrouterConfig.Remote config) {
        if (config.url().isEmpty()) {
            return Optional.empty();
        }
        Optional<String> apiKey = config.apiKey();
        if (apiKey.isEmpty() && config.apiKeySecretArn().isPresent()) {
            String secret = config.apiKeySecretArn().get();
            try {
                apiKey = Optional.of(SecretsManagerApiKey.fetch(secret));
            } catch (RuntimeException e) {
                // The router must answer all the same: without its key the remote tagger is off, not the service.
                LOG.errorf("cannot read the remote tagger's API key from secret %s (%s: %s): the remote tagger is off,"
                        + " every query is tagged by the rules with fallbackReason not_configured",
                        secret, e.getClass().getSimpleName(), e.getMessage());
                return Optional.empty();
            }
        }
        return Optional.of(generator(settings(config, apiKey)));
    }

    private static RemoteTaggerSettings settings(TagrouterConfig.Remote r, Optional<String> apiKey) {
        TagrouterConfig.CircuitBreaker cb = r.circuitBreaker();
        return new RemoteTaggerSettings(r.url().orElseThrow(), r.model(), apiKey, r.timeout(), r.maxRetries(),
                r.maxTokens(), r.maxResponseBytes(), r.maxTags(), r.maxTagChars(),
                r.systemPrompt().orElse(RemoteTaggerSettings.DEFAULT_SYSTEM_PROMPT), cb.requestVolume(),
                cb.failureRatio(), cb.delay(), r.maxConcurrentCalls(), r.cache().maxEntries(), r.cache().ttl());
    }

    private TagGenerator generator(RemoteTaggerSettings settings) {
        long budget = settings.timeout().toMillis();
        ChatCompletionsClient client = QuarkusRestClientBuilder.newBuilder()
                .baseUri(settings.baseUrl())
                .connectTimeout(budget, TimeUnit.MILLISECONDS)
                // The guard stops waiting at the budget; this only frees the connection of a call nobody awaits.
                .readTimeout(Math.max(4 * budget, 1_000), TimeUnit.MILLISECONDS)
                // Statuses are classified by the generator (429, 5xx, other), not turned into exceptions here.
                .disableDefaultMapper(true)
                .build(ChatCompletionsClient.class);
        LOG.infof("remote tagger: %s", settings);
        RemoteCallObserver all = (micros, failure) -> observers.forEach(o -> o.onRemoteCall(micros, failure));
        return new RemoteTagGenerator(client, settings, all, System::nanoTime);
    }
}
