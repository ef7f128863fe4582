package dev.tagrouter.scoring;

import dev.tagrouter.table.OutcomeCounts;

/**
 * TagScorer of TagRouter (Chen et al., ACL 2025, section 3 "TagScorer"):
 * {@code score(M, t) = w_t * (s_win * wins + s_tie * ties + s_loss * losses)}.
 *
 * <p>Deviations, both documented in the README: the paper's reimplementation divides the saturating weight
 * {@code 1 - exp(-count_t)} by the total count; that constant scales every score alike and only rescales theta, so
 * it is left out, and the saturation speed is a parameter ({@code weightScale}). {@link ScoreNormalization#RATES}
 * divides the counts by count_t, a variant the evaluation measures against the paper's raw counts.
 */
public final class TagScorer {

    private final ScoringParameters parameters;

    public TagScorer(ScoringParameters parameters) {
        this.parameters = parameters;
    }

    public ScoringParameters parameters() {
        return parameters;
    }

    /** The score of a model on a tag seen {@code tagCount} times in training, with these outcomes. */
    public double score(OutcomeCounts outcomes, int tagCount) {
        double raw = parameters.sWin() * outcomes.wins() + parameters.sTie() * outcomes.ties()
                + parameters.sLoss() * outcomes.losses();
        if (parameters.normalization() == ScoreNormalization.RATES) {
            raw = outcomes.total() == 0 ? 0 : raw / outcomes.total();
        }
        return weight(tagCount) * raw;
    }

    /** The tag weight w_t. */
    public double weight(int tagCount) {
        return switch (parameters.weighting()) {
            case NONE -> 1;
            case SATURATING -> 1 - Math.exp(-tagCount / parameters.weightScale());
        };
    }
}
