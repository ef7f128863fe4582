package dev.tagrouter.remotetagger;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * Validated settings of the remote tagger; every check names the configuration key and the range it accepts.
 *
 * @param baseUrl            base URL of the OpenAI-compatible API, up to and including {@code /v1}
 * @param model              model name sent in each call
 * @param apiKey             bearer token, if the server wants one; never printed
 * @param timeout            the whole budget of one tagging, retry included
 * @param maxRetries         0 or 1; a retry only follows a fast 5xx or connection failure, inside the budget
 * @param maxTokens          max_tokens of each call
 * @param maxResponseBytes   larger response bodies are rejected as bad output
 * @param maxTags            most tags read from one reply
 * @param maxTagChars        longest tag read from a reply
 * @param systemPrompt       the tag-extraction instruction
 * @param breakerVolume      calls in the circuit breaker's rolling window
 * @param breakerRatio       failure ratio over that window that opens the circuit
 * @param breakerDelay       how long the circuit stays open before a trial call
 * @param maxConcurrentCalls calls in flight at once (bulkhead); more are refused as {@code busy}
 * @param cacheMaxEntries    most tag lists kept in the cache; 0 turns it off
 * @param cacheTtl           how long a cached tag list is used
 */
public record RemoteTaggerSettings(URI baseUrl, String model, Optional<String> apiKey, Duration timeout, int maxRetries,
                                   int maxTokens, int maxResponseBytes, int maxTags, int maxTagChars,
                                   String systemPrompt, int breakerVolume, double breakerRatio, Duration breakerDelay,
                                   int maxConcurrentCalls, int cacheMaxEntries, Duration cacheTtl) {

    /** Modelled on TagRouter's tag generator prompt: an expert tag extractor answering with a JSON list. */
    public static final String DEFAULT_SYSTEM_PROMPT = "You are an expert text tag extractor. Read the user's text and"
            + " give the key tags that describe its task, topic, domain and the skills it needs. Answer only with a"
            + " JSON list of short lower-case tags, for example [\"python\", \"debugging\"].";

    private static final String PREFIX = "tagrouter.tagger.remote.";

    public RemoteTaggerSettings {
        apiKey = checkedApiKey(apiKey);
        String scheme = baseUrl.getScheme();
        require("http".equals(scheme) || "https".equals(scheme), "url", "an http or https URL", baseUrl);
        require(!model.isBlank(), "model", "a non-blank model name", model);
        require(!timeout.isNegative() && timeout.toMillis() >= 1 && timeout.toSeconds() <= 60, "timeout",
                "between 1ms and 60s", timeout);
        require(maxRetries == 0 || maxRetries == 1, "max-retries", "0 or 1", maxRetries);
        require(maxTokens >= 1 && maxTokens <= 4096, "max-tokens", "in [1, 4096]", maxTokens);
        require(maxResponseBytes >= 256 && maxResponseBytes <= 16 << 20, "max-response-bytes",
                "in [256, 16777216]", maxResponseBytes);
        require(maxTags >= 1 && maxTags <= 64, "max-tags", "in [1, 64]", maxTags);
        require(maxTagChars >= 1 && maxTagChars <= 256, "max-tag-chars", "in [1, 256]", maxTagChars);
        require(!systemPrompt.isBlank(), "system-prompt", "a non-blank prompt", "blank");
        require(breakerVolume >= 1, "circuit-breaker.request-volume", ">= 1", breakerVolume);
        require(breakerRatio > 0 && breakerRatio <= 1, "circuit-breaker.failure-ratio", "in (0, 1]", breakerRatio);
        require(!breakerDelay.isNegative() && !breakerDelay.isZero(), "circuit-breaker.delay", "positive", breakerDelay);
        require(maxConcurrentCalls >= 1, "max-concurrent-calls", ">= 1", maxConcurrentCalls);
        require(cacheMaxEntries >= 0, "cache.max-entries", ">= 0", cacheMaxEntries);
        require(!cacheTtl.isNegative() && !cacheTtl.isZero(), "cache.ttl", "positive", cacheTtl);
    }

    /** The key as it is sent: stripped, empty as none, refused (without showing it) unless printable ASCII. */
    static Optional<String> checkedApiKey(Optional<String> apiKey) {
        // A key pasted from a file or a secret often ends with a newline, which no server accepts in a header.
        Optional<String> key = apiKey.map(String::strip).filter(k -> !k.isEmpty());
        require(key.isEmpty() || key.get().chars().allMatch(c -> c > 0x20 && c < 0x7f), "api-key",
                "printable ASCII without spaces", "a key with a space or control character (not shown)");
        return key;
    }

    private static void require(boolean ok, String key, String range, Object value) {
        if (!ok) {
            throw new IllegalArgumentException(PREFIX + key + " must be " + range + ", got " + value);
        }
    }

    @Override
    public String toString() {
        // Records print every component; the key must never reach a log line.
        return "RemoteTaggerSettings[baseUrl=" + baseUrl + ", model=" + model + ", apiKey="
                + (apiKey.isPresent() ? "***" : "none") + ", timeout=" + timeout + ", maxRetries=" + maxRetries + "]";
    }
}
