package dev.tagrouter.scoring;

import java.util.Objects;

/**
 * How a routing table turns its outcome counts into per-model values for a query, recorded in every table.
 *
 * @param method        calibrated accept-rate estimates (default) or the paper's summed scores
 * @param priorStrength pseudo-count k with which a tag's accept rate is shrunk toward the model's overall rate
 *                      (calibrated only; chosen by cross-validation when the table is built)
 * @param combination   how the known tags' rates combine (calibrated only)
 * @param sWin          score of a win (paper sum only; paper: 1)
 * @param sTie          score of a tie (paper sum only; paper: 0.15)
 * @param sLoss         score of a loss (paper sum only; paper: -1)
 * @param normalization raw counts or per-tag rates (paper sum only)
 * @param weighting     tag weight w_t (paper sum only)
 * @param weightScale   count at which the saturating weight reaches 1 - 1/e (paper sum only)
 */
public record ScoringParameters(ScoringMethod method, double priorStrength, TagCombination combination,
                                double sWin, double sTie, double sLoss, ScoreNormalization normalization,
                                TagWeighting weighting, double weightScale) {

    /** The prior strength a table gets when none is chosen by cross-validation. */
    public static final double DEFAULT_PRIOR_STRENGTH = 20;

    /** The paper's TagScorer with its best tie score and raw counts. */
    public static final ScoringParameters PAPER = new ScoringParameters(ScoringMethod.PAPER_SUM,
            DEFAULT_PRIOR_STRENGTH, TagCombination.MEAN, 1, 0.15, -1, ScoreNormalization.COUNTS,
            TagWeighting.SATURATING, 1);

    /** The shipped scoring: calibrated accept rates, averaged over the known tags. */
    public static final ScoringParameters CALIBRATED = PAPER.withMethod(ScoringMethod.CALIBRATED);

    public ScoringParameters {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(combination, "combination");
        Objects.requireNonNull(normalization, "normalization");
        Objects.requireNonNull(weighting, "weighting");
        if (!(priorStrength >= 0) || !Double.isFinite(priorStrength)) {
            throw new IllegalArgumentException("priorStrength must be a finite number >= 0, got " + priorStrength);
        }
        requireFinite("sWin", sWin);
        requireFinite("sTie", sTie);
        requireFinite("sLoss", sLoss);
        if (!(weightScale > 0) || !Double.isFinite(weightScale)) {
            throw new IllegalArgumentException("weightScale must be a finite number > 0, got " + weightScale);
        }
    }

    private static void requireFinite(String field, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(field + " must be finite, got " + value);
        }
    }

    public ScoringParameters withMethod(ScoringMethod m) {
        return new ScoringParameters(m, priorStrength, combination, sWin, sTie, sLoss, normalization, weighting,
                weightScale);
    }

    public ScoringParameters withPriorStrength(double k) {
        return new ScoringParameters(method, k, combination, sWin, sTie, sLoss, normalization, weighting, weightScale);
    }

    public ScoringParameters withCombination(TagCombination c) {
        return new ScoringParameters(method, priorStrength, c, sWin, sTie, sLoss, normalization, weighting,
                weightScale);
    }

    public ScoringParameters withTieScore(double tie) {
        return new ScoringParameters(method, priorStrength, combination, sWin, tie, sLoss, normalization, weighting,
                weightScale);
    }

    public ScoringParameters withNormalization(ScoreNormalization n) {
        return new ScoringParameters(method, priorStrength, combination, sWin, sTie, sLoss, n, weighting, weightScale);
    }

    public ScoringParameters withWeighting(TagWeighting w) {
        return new ScoringParameters(method, priorStrength, combination, sWin, sTie, sLoss, normalization, w,
                weightScale);
    }
}
