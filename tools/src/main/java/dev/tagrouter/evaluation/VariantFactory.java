package dev.tagrouter.evaluation;

import dev.tagrouter.decision.DecisionRule;
import dev.tagrouter.scoring.ScoringParameters;
import dev.tagrouter.table.DecisionRuleName;
import dev.tagrouter.tagging.RuleTagger;
import dev.tagrouter.tagging.TagVocabulary;

/** Builds the default TagRouter variant of a run from the command line's settings. */
public final class VariantFactory {

    /**
     * The utility rule's cost scale in evaluation runs: a constant only rescales the knob, so curves do not depend on
     * it; tables get their own typical call cost.
     */
    static final double EVALUATION_COST_SCALE = 1e-3;

    private VariantFactory() {
    }

    /** The product's configuration: rule tagger over the curated vocabulary, the given scoring and rule. */
    public static Variant base(ScoringParameters scoring, DecisionRuleName rule, int minTagCount, double maxTagShare,
                               int maxTags, boolean choosePriorStrength) {
        CuratedTags tags = new CuratedTags(new RuleTagger(TagVocabulary.curated(), maxTags), CuratedTags.Mined.NONE,
                Ablations.MINED_MIN_COUNT, Ablations.MINED_PER_PROMPT);
        return new Variant("default", scoring, minTagCount, maxTagShare, DecisionRule.of(rule, EVALUATION_COST_SCALE), tags,
                choosePriorStrength);
    }
}
