package dev.tagrouter.function;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.Optional;

/** Configuration of the router under the {@code tagrouter} prefix; every key is listed in the README. */
@ConfigMapping(prefix = "tagrouter")
public interface TagrouterConfig {

    /** Theta used when a request sends no costPreference; lower is cheaper, 0 is plain argmax. */
    @WithDefault("0")
    double defaultTheta();

    /** Largest |theta| a request may send as costPreference. */
    @WithDefault("1000000")
    double maxAbsTheta();

    /** Model for queries without a known tag; unset means the table's default model. */
    Optional<String> defaultModel();

    Table table();

    Tagger tagger();

    Limits limits();

    Exploration exploration();

    DecisionLog decisionLog();

    /** Stochastic routing that makes decision logs usable for off-policy evaluation; off by default. */
    interface Exploration {
        @WithDefault("false")
        boolean enabled();

        /** Softmax temperature over the summed tag scores, in score units. */
        @WithDefault("5")
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

    /** The embedded rule tagger. */
    interface Tagger {
        /** Most tags kept per query. */
        @WithDefault("8")
        int maxTags();
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
