package dev.tagrouter.function;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** Configuration of the router under the {@code tagrouter} prefix; every key is listed in the README. */
@ConfigMapping(prefix = "tagrouter")
public interface TagrouterConfig {

    /**
     * Cost preference used when a request sends none: a preset of the table ({@code quality}, {@code balanced},
     * {@code budget}) or a number for the decision rule's knob (0 is the best estimate, lower is cheaper); unset
     * means the table's default preset. A preset the table lacks stops the start.
     */
    Optional<String> costPreference();

    Table table();

    ShadowTable shadowTable();

    /**
     * A candidate table the router also decides with on every request, logging its choice next to the live one in
     * the decision log; it never changes the answer.
     */
    interface ShadowTable {
        /** The candidate table file; unset means no shadow. A table that fails to load stops the start. */
        Optional<String> path();
    }

    Tagger tagger();

    Limits limits();

    Exploration exploration();

    DecisionLog decisionLog();

    Gateway gateway();

    /** The provider-native decision endpoints ({@code /v1/route/chat/completions} and the like). */
    interface Gateway {
        /** Values of a body's {@code model} that ask tagrouter to route (compared without case). */
        @WithDefault("auto")
        java.util.List<String> routeAliases();

        /**
         * The model catalog extract (tagrouter-model-catalog/1) to check capabilities against instead of the
         * bundled one; models it does not list are assumed able to serve every request.
         */
        Optional<String> catalogPath();
    }

    Outcomes outcomes();

    /** {@code POST /v1/outcomes}: outcomes are written to the decision log's sink, joined to decisions by request id. */
    interface Outcomes {
        /** Request ids remembered to answer a repeated outcome as a duplicate; the oldest are forgotten first. */
        @WithDefault("100000")
        int idempotencyWindow();

        /** Most outcomes in one request body. */
        @WithDefault("1000")
        int maxBatch();
    }

    /** Stochastic routing that makes decision logs usable for off-policy evaluation; off by default. */
    interface Exploration {
        @WithDefault("false")
        boolean enabled();

        /** Softmax temperature over the models' estimates, in accept-rate units (estimates are in [0, 1]). */
        @WithDefault("0.05")
        double temperature();

        /** Minimum probability of every eligible model. */
        @WithDefault("0.05")
        double floor();

        /** Mixed into each request's seed; change it to explore differently. */
        @WithDefault("0")
        long seed();
    }

    /** One JSON line per decision, for off-policy evaluation; off by default. */
    interface DecisionLog {
        @WithDefault("false")
        boolean enabled();

        /** {@code stdout} (Lambda: CloudWatch) or {@code file}. */
        @WithDefault("stdout")
        String sink();

        /** The file of the {@code file} sink; lines are appended. */
        Optional<String> file();

        /** Writes the query text itself, not only its hash: prompts are user data, so off by default. */
        @WithDefault("false")
        boolean includeQuery();
    }

    /** Where the routing table comes from. */
    interface Table {
        /** A table file to use instead of the one bundled in the artifact. */
        Optional<String> path();
    }

    /** Which tagger tags queries, and the remote one's endpoint. */
    interface Tagger {
        /** Most tags the embedded rule tagger keeps per query. */
        @WithDefault("8")
        int maxTags();

        /** {@code rules}, {@code remote} (falls back to rules) or {@code hybrid}; a request may override it. */
        @WithDefault("rules")
        String mode();

        /** Lowest character-trigram cosine at which a remote tag is aligned to a vocabulary tag. */
        @WithDefault("0.7")
        double alignmentThreshold();

        Remote remote();
    }

    /** An LLM tag generator behind an OpenAI-compatible chat-completions API. */
    interface Remote {
        /** Base URL up to and including {@code /v1}, e.g. {@code http://localhost:8000/v1}; unset means not configured. */
        Optional<URI> url();

        @WithDefault("itpossible/TagGenerator")
        String model();

        /** Sent as a bearer token; set it through the environment (TAGROUTER_TAGGER_REMOTE_API_KEY), never logged. */
        Optional<String> apiKey();

        /**
         * Secrets Manager secret (ARN or name) holding the API key, read at start-up (and again after a SnapStart
         * restore) when {@code api-key} is unset; the deployment in infra/ sets it.
         */
        Optional<String> apiKeySecretArn();

        /** The whole budget of one tagging, retry included; past it the rules answer. */
        @WithDefault("250ms")
        Duration timeout();

        /** 0 or 1: one retry after a fast 5xx or connection failure, only within the budget. */
        @WithDefault("1")
        int maxRetries();

        @WithDefault("64")
        int maxTokens();

        @WithDefault("65536")
        int maxResponseBytes();

        @WithDefault("16")
        int maxTags();

        @WithDefault("64")
        int maxTagChars();

        /** Instruction sent as the system message; the default asks for a JSON list of tags. */
        Optional<String> systemPrompt();

        /** Calls in flight at once; more fall back at once with reason {@code busy}. */
        @WithDefault("32")
        int maxConcurrentCalls();

        CircuitBreaker circuitBreaker();

        Cache cache();
    }

    /** Tag lists of recent queries, keyed by a hash of the normalised query. */
    interface Cache {
        /** 0 turns the cache off. */
        @WithDefault("10000")
        int maxEntries();

        @WithDefault("10M")
        Duration ttl();
    }

    /** Stops calling a failing endpoint for a while; Fault Tolerance's breaker over a rolling window of calls. */
    interface CircuitBreaker {
        @WithDefault("20")
        int requestVolume();

        @WithDefault("0.5")
        double failureRatio();

        @WithDefault("10s")
        Duration delay();
    }

    /** Size limits on requests. */
    interface Limits {
        @WithDefault("32768")
        int maxQueryChars();

        @WithDefault("100")
        int maxMessages();

        @WithDefault("262144")
        int maxTotalChars();

        @WithDefault("64")
        int maxModels();

        @WithDefault("256")
        int maxNameChars();
    }
}
