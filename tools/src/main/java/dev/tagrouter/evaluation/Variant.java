package dev.tagrouter.evaluation;

import dev.tagrouter.scoring.ScoringParameters;
import dev.tagrouter.tablebuilding.BuildOptions;
import dev.tagrouter.tablebuilding.OutcomeMapping;

/**
 * One configuration of TagRouter to evaluate: scoring, table filters, decision rule and tagger.
 *
 * @param name        row label in the report
 * @param scoring     TagScorer parameters
 * @param minTagCount builder's minimum tag count
 * @param maxTagShare builder's maximum tag share
 * @param rule        decision rule swept over theta
 * @param tags        where the prompts' tags come from
 */
public record Variant(String name, ScoringParameters scoring, int minTagCount, double maxTagShare, DecisionRule rule,
                      TagSource tags) {

    BuildOptions buildOptions(String version, PoolSpec pool, OutcomeMapping mapping, EvaluationSettings settings) {
        return new BuildOptions(version, pool.models(), mapping, scoring, minTagCount, maxTagShare,
                settings.charsPerToken(), settings.defaultOutputTokens());
    }

    Variant named(String newName) {
        return new Variant(newName, scoring, minTagCount, maxTagShare, rule, tags);
    }

    Variant withScoring(ScoringParameters s) {
        return new Variant(name, s, minTagCount, maxTagShare, rule, tags);
    }

    Variant withRule(DecisionRule r) {
        return new Variant(name, scoring, minTagCount, maxTagShare, r, tags);
    }

    Variant withTags(TagSource t) {
        return new Variant(name, scoring, minTagCount, maxTagShare, rule, t);
    }

    Variant withFilters(int minCount, double maxShare) {
        return new Variant(name, scoring, minCount, maxShare, rule, tags);
    }
}
