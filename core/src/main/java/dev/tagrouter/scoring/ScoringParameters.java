package dev.tagrouter.scoring;

import java.util.Objects;

/**
 * The TagScorer's parameters, recorded in every routing table.
 *
 * @param sWin          score of a win (paper: 1)
 * @param sTie          score of a tie (paper: 0.15)
 * @param sLoss         score of a loss (paper: -1)
 * @param normalization raw counts or per-tag rates
 * @param weighting     tag weight w_t
 * @param weightScale   count at which the saturating weight reaches 1 - 1/e
 */
public record ScoringParameters(double sWin, double sTie, double sLoss, ScoreNormalization normalization,
                                TagWeighting weighting, double weightScale) {

    public static final ScoringParameters PAPER =
            new ScoringParameters(1, 0.15, -1, ScoreNormalization.COUNTS, TagWeighting.SATURATING, 1);

    public ScoringParameters {
        Objects.requireNonNull(normalization, "normalization");
        Objects.requireNonNull(weighting, "weighting");
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

    public ScoringParameters withTieScore(double tie) {
        return new ScoringParameters(sWin, tie, sLoss, normalization, weighting, weightScale);
    }

    public ScoringParameters withNormalization(ScoreNormalization n) {
        return new ScoringParameters(sWin, sTie, sLoss, n, weighting, weightScale);
    }

    public ScoringParameters withWeighting(TagWeighting w) {
        return new ScoringParameters(sWin, sTie, sLoss, normalization, w, weightScale);
    }
}
