package dev.tagrouter.tablebuilding;

import dev.tagrouter.scoring.ScoringParameters;
import dev.tagrouter.table.DecisionRuleName;

import java.util.List;
import java.util.Objects;

/**
 * How to build a routing table from a preference dataset.
 *
 * @param version             version label written into the table
 * @param pool                the models of the table, all priced in {@code models.csv}
 * @param mapping             judgment to win/tie/loss
 * @param scoring             how outcomes become per-model values; its prior strength is a starting point when
 *                            {@code choosePriorStrength} is set
 * @param rule                the decision rule the table is served with
 * @param minTagCount         tags carried by fewer training prompts are left out (the paper drops tags seen < 5 times)
 * @param maxTagShare         tags carried by a larger share of the training prompts are left out: like stop words they
 *                            say nothing about what sets a query apart, yet their large counts would swamp the sum
 * @param charsPerToken       converts the dataset's answer lengths in characters to expected output tokens
 * @param defaultOutputTokens expected output tokens of a model whose answers have no length in the data
 * @param choosePriorStrength choose the calibrated scoring's prior strength by cross-validated log-loss
 */
public record BuildOptions(String version, List<String> pool, OutcomeMapping mapping, ScoringParameters scoring,
                           DecisionRuleName rule, int minTagCount, double maxTagShare, double charsPerToken,
                           int defaultOutputTokens, boolean choosePriorStrength) {

    public static final int DEFAULT_MIN_TAG_COUNT = 5;
    public static final double DEFAULT_MAX_TAG_SHARE = 1.0;
    public static final DecisionRuleName DEFAULT_RULE = DecisionRuleName.UTILITY;
    public static final double DEFAULT_CHARS_PER_TOKEN = 4.0;
    public static final int DEFAULT_OUTPUT_TOKENS = 400;

    public BuildOptions {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(mapping, "mapping");
        Objects.requireNonNull(scoring, "scoring");
        Objects.requireNonNull(rule, "rule");
        pool = List.copyOf(pool);
        if (pool.isEmpty()) {
            throw new IllegalArgumentException("pool must name at least one model");
        }
        if (pool.stream().distinct().count() != pool.size()) {
            throw new IllegalArgumentException("pool names a model twice: " + pool);
        }
        if (minTagCount < 1) {
            throw new IllegalArgumentException("minTagCount must be >= 1, got " + minTagCount);
        }
        if (!(maxTagShare > 0) || maxTagShare > 1) {
            throw new IllegalArgumentException("maxTagShare must be in (0, 1], got " + maxTagShare);
        }
        if (!(charsPerToken > 0) || !Double.isFinite(charsPerToken)) {
            throw new IllegalArgumentException("charsPerToken must be a finite number > 0, got " + charsPerToken);
        }
        if (defaultOutputTokens < 0) {
            throw new IllegalArgumentException("defaultOutputTokens must be >= 0, got " + defaultOutputTokens);
        }
    }

    /** Options with the default rule and a fixed prior strength: tests and single folds. */
    public BuildOptions(String version, List<String> pool, OutcomeMapping mapping, ScoringParameters scoring,
                        int minTagCount, double maxTagShare, double charsPerToken, int defaultOutputTokens) {
        this(version, pool, mapping, scoring, DEFAULT_RULE, minTagCount, maxTagShare, charsPerToken,
                defaultOutputTokens, false);
    }

    public BuildOptions withScoring(ScoringParameters newScoring) {
        return new BuildOptions(version, pool, mapping, newScoring, rule, minTagCount, maxTagShare, charsPerToken,
                defaultOutputTokens, choosePriorStrength);
    }

    public BuildOptions withChosenPriorStrength(boolean choose) {
        return new BuildOptions(version, pool, mapping, scoring, rule, minTagCount, maxTagShare, charsPerToken,
                defaultOutputTokens, choose);
    }
}
