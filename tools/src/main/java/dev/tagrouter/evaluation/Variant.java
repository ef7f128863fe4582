package dev.tagrouter.evaluation;

import dev.tagrouter.decision.DecisionRule;
import dev.tagrouter.scoring.ScoringParameters;
import dev.tagrouter.tablebuilding.BuildOptions;
import dev.tagrouter.tablebuilding.OutcomeMapping;

/**
 * One configuration of TagRouter to evaluate: scoring, table filters, decision rule and tagger.
 *
 * @param name                row label in the report
 * @param scoring             how outcomes become per-model values
 * @param minTagCount         builder's minimum tag count
 * @param maxTagShare         builder's maximum tag share
 * @param rule                decision rule swept over its cost preference
 * @param tags                where the prompts' tags come from
 * @param choosePriorStrength whether each fold's builder chooses the prior strength by cross-validation
 */
public record Variant(String name, ScoringParameters scoring, int minTagCount, double maxTagShare, DecisionRule rule,
                      TagSource tags, boolean choosePriorStrength) {

    BuildOptions buildOptions(String version, PoolSpec pool, OutcomeMapping mapping, EvaluationSettings settings) {
        return new BuildOptions(version, pool.models(), mapping, scoring, BuildOptions.DEFAULT_RULE, minTagCount,
                maxTagShare, settings.charsPerToken(), settings.defaultOutputTokens(), choosePriorStrength);
    }

    Variant named(String newName) {
        return new Variant(newName, scoring, minTagCount, maxTagShare, rule, tags, choosePriorStrength);
    }

    Variant withScoring(ScoringParameters s) {
        return new Variant(name, s, minTagCount, maxTagShare, rule, tags, choosePriorStrength);
    }

    public Variant withRule(DecisionRule r) {
        return new Variant(name, scoring, minTagCount, maxTagShare, r, tags, choosePriorStrength);
    }

    Variant withTags(TagSource t) {
        return new Variant(name, scoring, minTagCount, maxTagShare, rule, t, choosePriorStrength);
    }

    Variant withFilters(int minCount, double maxShare) {
        return new Variant(name, scoring, minCount, maxShare, rule, tags, choosePriorStrength);
    }

    Variant withFixedPriorStrength(double k) {
        return new Variant(name, scoring.withPriorStrength(k), minTagCount, maxTagShare, rule, tags, false);
    }
}
