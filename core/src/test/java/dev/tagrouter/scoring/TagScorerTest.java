package dev.tagrouter.scoring;

import dev.tagrouter.table.OutcomeCounts;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TagScorerTest {

    private static final OutcomeCounts COUNTS = new OutcomeCounts(6, 2, 2);

    @Test
    void paperDefaultsWeighRawCountsBySaturatingTagWeight() {
        TagScorer scorer = new TagScorer(ScoringParameters.PAPER);
        double weight = 1 - Math.exp(-10);
        assertEquals(weight * (6 + 0.15 * 2 - 2), scorer.score(COUNTS, 10), 1e-12);
    }

    @Test
    void ratesDivideByTheNumberOfJudgedPrompts() {
        TagScorer scorer = new TagScorer(ScoringParameters.PAPER.withNormalization(ScoreNormalization.RATES)
                .withWeighting(TagWeighting.NONE));
        assertEquals((6 + 0.3 - 2) / 10, scorer.score(COUNTS, 10), 1e-12);
        assertEquals(0, scorer.score(OutcomeCounts.ZERO, 10));
    }

    @Test
    void tieScoreIsAParameter() {
        TagScorer scorer = new TagScorer(ScoringParameters.PAPER.withTieScore(1).withWeighting(TagWeighting.NONE));
        assertEquals(6 + 2 - 2, scorer.score(COUNTS, 10), 1e-12);
    }

    @Test
    void saturatingWeightGrowsWithCountAndStaysBelowOne() {
        TagScorer scorer = new TagScorer(new ScoringParameters(ScoringMethod.PAPER_SUM, 20, TagCombination.MEAN,
                1, 0.15, -1, ScoreNormalization.COUNTS, TagWeighting.SATURATING, 5));
        double previous = 0;
        for (int count = 1; count < 100; count++) {
            double w = scorer.weight(count);
            org.junit.jupiter.api.Assertions.assertTrue(w > previous && w < 1);
            previous = w;
        }
    }

    @Test
    void calibratedDiffersFromThePapersParametersOnlyInItsMethod() {
        assertEquals(ScoringMethod.PAPER_SUM, ScoringParameters.PAPER.method());
        assertEquals(ScoringParameters.PAPER.withMethod(ScoringMethod.CALIBRATED), ScoringParameters.CALIBRATED);
        assertEquals(ScoringParameters.DEFAULT_PRIOR_STRENGTH, ScoringParameters.CALIBRATED.priorStrength());
        assertEquals(TagCombination.MEAN, ScoringParameters.CALIBRATED.combination());
    }

    @Test
    void rejectsParametersOutOfRange() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> ScoringParameters.CALIBRATED.withPriorStrength(-1));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> ScoringParameters.CALIBRATED.withPriorStrength(Double.POSITIVE_INFINITY));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> ScoringParameters.PAPER.withTieScore(Double.NaN));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new ScoringParameters(ScoringMethod.PAPER_SUM, 20, TagCombination.MEAN, 1, 0.15, -1,
                        ScoreNormalization.COUNTS, TagWeighting.SATURATING, 0));
    }
}
