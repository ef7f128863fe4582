package dev.tagrouter.scoring;

import dev.tagrouter.table.OutcomeCounts;

/**
 * Calibrated accept-rate estimates, our deviation from TagRouter's TagScorer (section 3), which sums per-tag scores:
 * summed scores grow with the number of tags a query carries, so a threshold on them ranks queries by tag count.
 * Here each (tag, model) accept rate is shrunk toward the model's overall rate with a pseudo-count k (empirical
 * Bayes with a beta prior: {@code r = (accepted + k * p) / (n + k)}), and a query's estimate combines its known tags'
 * shrunk rates as deviations from the overall rate, so that a tag with no evidence adds nothing and a query without
 * a known tag gets the overall rate.
 */
public final class AcceptEstimator {

    private final double priorStrength;
    private final TagCombination combination;

    public AcceptEstimator(double priorStrength, TagCombination combination) {
        this.priorStrength = priorStrength;
        this.combination = combination;
    }

    /** A model's overall accept rate, with one pseudo-success and one pseudo-failure so it is never 0 or 1. */
    public static double prior(OutcomeCounts overall) {
        return (overall.accepted() + 1.0) / (overall.total() + 2.0);
    }

    /** The accept rate on a tag shrunk toward the prior: the prior itself when the tag has no outcomes. */
    public double tagRate(OutcomeCounts onTag, double prior) {
        double n = onTag.total() + priorStrength;
        return n == 0 ? prior : (onTag.accepted() + priorStrength * prior) / n;
    }

    /** The estimate for a query from the model's prior and the shrunk rates of the query's {@code n} known tags. */
    public double combine(double prior, double[] rates, int n) {
        return combine(prior, rates, null, n);
    }

    /**
     * The estimate with each tag's rate counted at its weight (a tag of an earlier conversation turn counts less than
     * one of the routed turn): a weighted mean, or weighted deviations from the prior. Weights of 1, or null weights,
     * give exactly the unweighted estimate, since multiplying by 1 and summing n ones are exact in floating point.
     *
     * @param weights each tag's weight in (0, 1], in the order of {@code rates}; null means every weight is 1
     */
    public double combine(double prior, double[] rates, double[] weights, int n) {
        if (n == 0) {
            return prior;
        }
        return switch (combination) {
            case MEAN -> {
                double sum = 0;
                double total = 0;
                for (int i = 0; i < n; i++) {
                    double w = weights == null ? 1 : weights[i];
                    sum += w * rates[i];
                    total += w;
                }
                yield sum / total;
            }
            case SUM -> {
                double sum = prior;
                for (int i = 0; i < n; i++) {
                    sum += (weights == null ? 1 : weights[i]) * (rates[i] - prior);
                }
                yield Math.min(1, Math.max(0, sum));
            }
            case LOG_ODDS -> {
                double base = logit(prior);
                double sum = base;
                for (int i = 0; i < n; i++) {
                    sum += (weights == null ? 1 : weights[i]) * (logit(rates[i]) - base);
                }
                yield 1 / (1 + Math.exp(-sum));
            }
        };
    }

    private static double logit(double p) {
        double q = Math.min(1 - 1e-9, Math.max(1e-9, p));
        return Math.log(q / (1 - q));
    }
}
