package dev.tagrouter.evaluation;

import dev.tagrouter.scoring.ScoreNormalization;
import dev.tagrouter.scoring.TagWeighting;
import dev.tagrouter.tagging.RuleTagger;
import dev.tagrouter.tagging.TagVocabulary;

import java.util.ArrayList;
import java.util.List;

/**
 * The ablation rows of issue 3: each changes one thing of the default variant, so that (with the same folds) the
 * difference to the default row is that one thing's effect.
 */
public final class Ablations {

    static final int MINED_MIN_COUNT = 5;
    static final int MINED_PER_PROMPT = 4;

    private Ablations() {
    }

    public static List<Variant> of(Variant base) {
        List<Variant> rows = new ArrayList<>();
        rows.add(base.named("default (" + describe(base) + ")"));
        for (double tie : new double[]{0, 0.15, 0.5, 1}) {
            rows.add(base.withScoring(base.scoring().withTieScore(tie)).named("s_tie = " + tie));
        }
        ScoreNormalization other = base.scoring().normalization() == ScoreNormalization.COUNTS
                ? ScoreNormalization.RATES : ScoreNormalization.COUNTS;
        rows.add(base.withScoring(base.scoring().withNormalization(other)).named("normalisation " + other));
        TagWeighting otherWeight = base.scoring().weighting() == TagWeighting.SATURATING
                ? TagWeighting.NONE : TagWeighting.SATURATING;
        rows.add(base.withScoring(base.scoring().withWeighting(otherWeight)).named("tag weight " + otherWeight));
        rows.add(base.withRule(new PairwiseRule()).named("rule: pairwise cheapest vs most expensive"));
        rows.add(base.withRule(new CostPenaltyRule()).named("rule: score + theta x scaled cost"));
        RuleTagger full = new RuleTagger(TagVocabulary.curated(), RuleTagger.DEFAULT_MAX_TAGS);
        rows.add(base.withTags(new CuratedTags(full, CuratedTags.Mined.ADD, MINED_MIN_COUNT, MINED_PER_PROMPT))
                .named("tagger: curated + mined keywords"));
        rows.add(base.withTags(new CuratedTags(full, CuratedTags.Mined.ONLY, MINED_MIN_COUNT, MINED_PER_PROMPT))
                .named("tagger: mined keywords only"));
        for (int cap : new int[]{2, 4, 8}) {
            rows.add(base.withTags(new CuratedTags(new RuleTagger(TagVocabulary.curated(), cap),
                    CuratedTags.Mined.NONE, MINED_MIN_COUNT, MINED_PER_PROMPT)).named("tags per query <= " + cap));
        }
        for (int min : new int[]{1, 3, 10}) {
            rows.add(base.withFilters(min, base.maxTagShare()).named("min tag count " + min));
        }
        for (double share : new double[]{0.25, 1.0}) {
            rows.add(base.withFilters(base.minTagCount(), share).named("max tag share " + share));
        }
        return rows;
    }

    static String describe(Variant v) {
        return String.format(java.util.Locale.ROOT, "s_tie %s, %s, %s, min count %d, max share %s, %s",
                v.scoring().sTie(), v.scoring().normalization(), v.scoring().weighting(), v.minTagCount(),
                v.maxTagShare(), v.tags().name());
    }
}
