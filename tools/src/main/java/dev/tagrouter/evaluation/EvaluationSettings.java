package dev.tagrouter.evaluation;

import dev.tagrouter.tablebuilding.OutcomeMapping;

/**
 * Settings shared by every pool and variant of one evaluation run.
 *
 * @param folds               k of k-fold cross-validation
 * @param seed                seeds the fold shuffle and the random baseline's draws
 * @param mapping             judgment to win/tie/loss
 * @param charsPerToken       answer length in characters to tokens, for real costs and the tables' estimates
 * @param defaultOutputTokens output tokens of an answer without a known length
 * @param knnK                neighbours of the kNN baseline
 * @param sweepSteps          quantile steps of the cost-preference grid (the curve has steps + 3 points)
 */
public record EvaluationSettings(int folds, long seed, OutcomeMapping mapping, double charsPerToken,
                                 int defaultOutputTokens, int knnK, int sweepSteps) {

    public EvaluationSettings withSeed(long newSeed) {
        return new EvaluationSettings(folds, newSeed, mapping, charsPerToken, defaultOutputTokens, knnK, sweepSteps);
    }
}
