package dev.tagrouter.function;

import dev.tagrouter.remotetagger.ChatCompletionsClient;
import dev.tagrouter.remotetagger.RemoteCallObserver;
import dev.tagrouter.remotetagger.RemoteTagGenerator;
import dev.tagrouter.remotetagger.RemoteTaggerSettings;
import dev.tagrouter.remotetagger.SecretsManagerApiKey;
import dev.tagrouter.remotetagger.StreamingChatCompletionsClient;
import dev.tagrouter.tagging.ModalTagger;
import dev.tagrouter.tagging.TagAligner;
import dev.tagrouter.tagging.TagGenerator;
import dev.tagrouter.tagging.TagVocabulary;
import dev.tagrouter.tagging.Tagger;
import dev.tagrouter.tagging.TaggerMode;
import io.vertx.core.Vertx;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

import java.util.Optional;

/** Builds the router's tagger from configuration: the embedded rules, plus the remote tag generator when a URL is set. */
@Singleton
public class TaggerFactory {

    private static final Logger LOG = Logger.getLogger(TaggerFactory.class);

    @Inject
    Instance<RemoteCallObserver> observers;

    @Inject
    Vertx vertx;

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
        ChatCompletionsClient client = new StreamingChatCompletionsClient(vertx, settings);
        LOG.infof("remote tagger: %s", settings);
        RemoteCallObserver all = (micros, failure) -> observers.forEach(o -> o.onRemoteCall(micros, failure));
        return new RemoteTagGenerator(client, settings, all, System::nanoTime);
    }
}
