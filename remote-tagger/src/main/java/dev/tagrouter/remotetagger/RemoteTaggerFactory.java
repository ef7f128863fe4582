package dev.tagrouter.remotetagger;

import dev.tagrouter.function.RemoteTagGenerators;
import dev.tagrouter.function.TagrouterConfig;
import dev.tagrouter.tagging.TagGenerator;
import io.vertx.core.Vertx;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

import java.util.Optional;

/**
 * Builds the remote tag generator (Vert.x client, fault-tolerance guard, tag cache, API key) from
 * {@code tagrouter.tagger.remote.*}. Only looked up when a URL is configured; the default Lambda function.zip
 * (module lambda) is built without this module, and so without Vert.x, Fault Tolerance, Caffeine and the AWS SDK;
 * lambda-remote is the Lambda function with it.
 */
@Singleton
public class RemoteTaggerFactory implements RemoteTagGenerators {

    private static final Logger LOG = Logger.getLogger(RemoteTaggerFactory.class);

    @Inject
    Instance<RemoteCallObserver> observers;

    @Inject
    Vertx vertx;

    private volatile RemoteTaggerKey key;

    @Override
    public Optional<TagGenerator> create(TagrouterConfig.Remote config) {
        Optional<RemoteTaggerKey> apiKey = apiKey(config);
        if (apiKey.isEmpty()) {
            return Optional.empty();
        }
        key = apiKey.get();
        RemoteTaggerSettings settings = settings(config, key.key());
        ChatCompletionsClient client = new StreamingChatCompletionsClient(vertx, settings);
        LOG.infof("remote tagger: %s", settings);
        RemoteCallObserver all = (micros, failure) -> observers.forEach(o -> o.onRemoteCall(micros, failure));
        return Optional.of(new RemoteTagGenerator(client, settings, key::authorization, all, System::nanoTime));
    }

    // A restored snapshot calls this, so that no key captured at the snapshot is used.
    @Override
    public boolean reloadKey() {
        RemoteTaggerKey current = key;
        return current != null && current.reload();
    }

    private static Optional<RemoteTaggerKey> apiKey(TagrouterConfig.Remote config) {
        if (config.apiKey().isPresent() || config.apiKeySecretArn().isEmpty()) {
            return Optional.of(RemoteTaggerKey.fixed(config.apiKey()));
        }
        String secret = config.apiKeySecretArn().get();
        String value;
        try {
            value = SecretsManagerApiKey.fetch(secret);
        } catch (RuntimeException e) {
            // The router must answer all the same: without its key the remote tagger is off, not the service.
            LOG.errorf("cannot read the remote tagger's API key from secret %s (%s: %s): the remote tagger is off,"
                    + " every query is tagged by the rules with fallbackReason not_configured",
                    secret, e.getClass().getSimpleName(), e.getMessage());
            return Optional.empty();
        }
        return Optional.of(RemoteTaggerKey.fromSecret(secret, value));
    }

    private static RemoteTaggerSettings settings(TagrouterConfig.Remote r, Optional<String> apiKey) {
        TagrouterConfig.CircuitBreaker cb = r.circuitBreaker();
        return new RemoteTaggerSettings(r.url().orElseThrow(), r.model(), apiKey, r.timeout(), r.maxRetries(),
                r.maxTokens(), r.maxResponseBytes(), r.maxTags(), r.maxTagChars(),
                r.systemPrompt().orElse(RemoteTaggerSettings.DEFAULT_SYSTEM_PROMPT), cb.requestVolume(),
                cb.failureRatio(), cb.delay(), r.maxConcurrentCalls(), r.cache().maxEntries(), r.cache().ttl());
    }
}
