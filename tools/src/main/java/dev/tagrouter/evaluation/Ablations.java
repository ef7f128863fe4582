package dev.tagrouter.evaluation;

import dev.tagrouter.decision.ThresholdRule;
import dev.tagrouter.decision.UtilityRule;
import dev.tagrouter.scoring.ScoreNormalization;
import dev.tagrouter.scoring.ScoringMethod;
import dev.tagrouter.scoring.ScoringParameters;
import dev.tagrouter.scoring.TagCombination;
import dev.tagrouter.tagging.RuleTagger;
import dev.tagrouter.tagging.TagVocabulary;

import java.util.ArrayList;
import java.util.List;

/**
 * The ablation rows: each changes one thing of the default variant, so that (with the same folds) the difference to
 * the default row is that one thing's effect. The paper's summed scoring is one of them, so the deviation from the
 * paper is measured on every run.
 */
public final class Ablations {

    static final int MINED_MIN_COUNT = 5;
    static final int MINED_PER_PROMPT = 4;

    private Ablations() {
    }

    public static List<Variant> of(Variant base) {
        List<Variant> rows = new ArrayList<>();
        rows.add(base.named("default (" + describe(base) + ")"));
        ScoringParameters paper = base.scoring().withMethod(ScoringMethod.PAPER_SUM);
        rows.add(base.withScoring(paper.withNormalization(ScoreNormalization.COUNTS))
                .withRule(new ThresholdRule()).named("paper: summed scores, raw counts, threshold rule"));
        rows.add(base.withScoring(paper.withNormalization(ScoreNormalization.RATES))
                .withRule(new ThresholdRule()).named("paper: summed scores, per-tag rates, threshold rule"));
        rows.add(base.withRule(base.rule() instanceof UtilityRule ? new ThresholdRule()
                        : new UtilityRule(VariantFactory.EVALUATION_COST_SCALE))
                .named("rule: " + (base.rule() instanceof UtilityRule ? "threshold" : "utility")));
        for (TagCombination c : TagCombination.values()) {
            if (c != base.scoring().combination()) {
                rows.add(base.withScoring(base.scoring().withCombination(c)).named("combination " + c));
            }
        }
        for (double k : new double[]{0, 5, 50, 500}) {
            rows.add(base.withFixedPriorStrength(k).named("prior strength fixed at " + k));
        }
        RuleTagger full = new RuleTagger(TagVocabulary.curated(), RuleTagger.DEFAULT_MAX_TAGS);
        rows.add(base.withTags(new CuratedTags(full, CuratedTags.Mined.ADD, MINED_MIN_COUNT, MINED_PER_PROMPT))
                .named("tagger: curated + mined keywords"));
        rows.add(base.withTags(new CuratedTags(full, CuratedTags.Mined.ONLY, MINED_MIN_COUNT, MINED_PER_PROMPT))
                .named("tagger: mined keywords only"));
        for (int cap : new int[]{2, 4}) {
            rows.add(base.withTags(new CuratedTags(new RuleTagger(TagVocabulary.curated(), cap),
                    CuratedTags.Mined.NONE, MINED_MIN_COUNT, MINED_PER_PROMPT)).named("tags per query <= " + cap));
        }
        rows.add(base.withFilters(base.minTagCount(), 0.5).named("max tag share 0.5"));
        return rows;
    }

    static String describe(Variant v) {
        return String.format(java.util.Locale.ROOT, "%s, %s, prior strength %s, %s rule, min count %d, max share %s,"
                        + " %s", v.scoring().method(), v.scoring().combination(),
                v.choosePriorStrength() ? "by CV" : String.valueOf(v.scoring().priorStrength()), v.rule().name(),
                v.minTagCount(), v.maxTagShare(), v.tags().name());
    }
}
