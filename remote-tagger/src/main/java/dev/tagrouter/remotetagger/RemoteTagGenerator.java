package dev.tagrouter.remotetagger;

import dev.tagrouter.decisionlog.DecisionLogEntry;
import dev.tagrouter.tagging.FallbackReason;
import dev.tagrouter.tagging.TagGenerationException;
import dev.tagrouter.tagging.TagGenerator;
import dev.tagrouter.tagging.TagOutputParser;
import dev.tagrouter.tagging.TextNormalizer;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.smallrye.faulttolerance.api.TypedGuard;
import jakarta.enterprise.util.TypeLiteral;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;

import java.nio.charset.StandardCharsets;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Tags a query with an LLM tag generator behind an OpenAI-compatible chat-completions API, within a hard time budget.
 * SmallRye Fault Tolerance guards each call (timeout, at most one retry of a fast 5xx or connection failure, circuit
 * breaker, bulkhead); successful tag lists are cached by a hash of the normalised query, so the query text is never a
 * cache key. Every failure surfaces as a {@link TagGenerationException} naming the reason.
 */
public final class RemoteTagGenerator implements TagGenerator {

    /** Name of the circuit breaker, for SmallRye's {@code CircuitBreakerMaintenance} (state, reset). */
    public static final String CIRCUIT_BREAKER = "remote-tagger";

    private final ChatCompletionsClient client;
    private final RemoteTaggerSettings settings;
    private final Supplier<String> authorization;
    private final TagOutputParser parser;
    private final Cache<String, List<String>> cache;
    private final RemoteCallObserver observer;
    private final LongSupplier nanoTime;
    private final TypedGuard<CompletionStage<List<String>>> guard;

    /**
     * @param authorization the Authorization header of each call (null: none), asked per call so that a key read
     *                      again (after a SnapStart restore) is used from the next call on
     */
    public RemoteTagGenerator(ChatCompletionsClient client, RemoteTaggerSettings settings,
                              Supplier<String> authorization, RemoteCallObserver observer, LongSupplier nanoTime) {
        this.client = client;
        this.settings = settings;
        this.authorization = authorization;
        this.parser = new TagOutputParser(settings.maxTags(), settings.maxTagChars());
        // Built here, not by quarkus-cache at boot: a router without a remote tagger pays nothing for it.
        this.cache = Caffeine.newBuilder()
                .maximumSize(settings.cacheMaxEntries())
                .expireAfterWrite(settings.cacheTtl())
                .ticker(nanoTime::getAsLong)
                .build();
        this.observer = observer;
        this.nanoTime = nanoTime;
        this.guard = guard(settings);
    }

    private static TypedGuard<CompletionStage<List<String>>> guard(RemoteTaggerSettings s) {
        long budget = s.timeout().toMillis();
        TypedGuard.Builder<CompletionStage<List<String>>> builder =
                TypedGuard.create(new TypeLiteral<CompletionStage<List<String>>>() { })
                        .withDescription("remote-tagger")
                        // The first call's class loading and connection set-up run on a worker, not on the
                        // caller, whose wait generate() caps at the budget whatever the call does.
                        .withThreadOffload(true)
                        .withTimeout().duration(budget, ChronoUnit.MILLIS).done()
                        .withCircuitBreaker()
                            .requestVolumeThreshold(s.breakerVolume())
                            .failureRatio(s.breakerRatio())
                            .delay(s.breakerDelay().toMillis(), ChronoUnit.MILLIS)
                            .successThreshold(1)
                            .name(CIRCUIT_BREAKER)
                            // A full bulkhead is our own load, not the endpoint failing.
                            .skipOn(BulkheadException.class)
                            .done()
                        .withBulkhead().limit(s.maxConcurrentCalls()).queueSize(s.maxConcurrentCalls()).done();
        if (s.maxRetries() > 0) {
            builder = builder.withRetry()
                    .maxRetries(s.maxRetries())
                    .delay(0, ChronoUnit.MILLIS)
                    .jitter(0, ChronoUnit.MILLIS)
                    // No retry starts once the budget is spent; generate() also stops waiting at the budget.
                    .maxDuration(budget, ChronoUnit.MILLIS)
                    .whenException(FailureClassifier::retryable)
                    .done();
        }
        return builder.build();
    }

    @Override
    public List<String> generate(String query) {
        String key = DecisionLogEntry.hash(TextNormalizer.normalize(query));
        List<String> cached = cache.getIfPresent(key);
        if (cached != null) {
            return cached;
        }
        long start = nanoTime.getAsLong();
        try {
            List<String> tags = guard.get(() -> call(query)).toCompletableFuture()
                    .get(settings.timeout().toMillis(), TimeUnit.MILLISECONDS);
            observer.onRemoteCall(micros(start), null);
            cache.put(key, tags);
            return tags;
        } catch (ExecutionException e) {
            throw failed(start, e.getCause());
        } catch (TimeoutException e) {
            throw failed(start, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failed(start, new TimeoutException("interrupted while waiting for the remote tagger"));
        } catch (RuntimeException e) {
            throw failed(start, e);
        }
    }

    private CompletionStage<List<String>> call(String query) {
        try {
            return client.complete(authorization.get(), ChatCompletionRequest.of(settings, query))
                    .thenApply(this::tags);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private List<String> tags(ChatCompletionsClient.Reply reply) {
        int status = reply.status();
        if (status == 429) {
            throw new TagGenerationException(FallbackReason.HTTP_429, "Remote tagger is rate-limiting (429).");
        }
        if (status >= 500) {
            throw new TagGenerationException(FallbackReason.HTTP_5XX, "Remote tagger answered " + status + ".");
        }
        if (status < 200 || status >= 300) {
            throw new TagGenerationException(FallbackReason.HTTP_4XX, "Remote tagger answered " + status + ".");
        }
        // The client has already cut the body at max-response-bytes.
        List<String> tags = parser.parse(ChatCompletionReply.content(new String(reply.body(), StandardCharsets.UTF_8)));
        if (tags.isEmpty()) {
            throw new TagGenerationException(FallbackReason.BAD_OUTPUT, "Remote tagger reply holds no tag.");
        }
        return tags;
    }

    private TagGenerationException failed(long start, Throwable cause) {
        FallbackReason reason = FailureClassifier.reason(cause);
        if (reason != FallbackReason.CIRCUIT_OPEN && reason != FallbackReason.BUSY) {
            // Those two never left the process: not a remote call.
            observer.onRemoteCall(micros(start), reason);
        }
        return cause instanceof TagGenerationException g ? g
                : new TagGenerationException(reason, "Remote tagger call failed: " + reason.code() + ".", cause);
    }

    private long micros(long start) {
        return (nanoTime.getAsLong() - start) / 1_000;
    }
}
