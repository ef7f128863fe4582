package dev.tagrouter.ope;

import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * An estimate with its diagnostics (IntIPW note, "Diagnostics"): effective sample size (sum w)^2 / sum w^2, the
 * largest weight's share of the total, the mean weight (about 1 when the weights are right), and a percentile
 * confidence interval from a moving-block bootstrap over consecutive units, since neighbours are not independent.
 */
public record EstimateReport(String estimator, double value, double ciLow, double ciHigh, double effectiveSampleSize,
                             double maxWeightShare, double meanWeight, String warning) {

    /** Below this effective sample size an estimate is flagged as not to be trusted. */
    public static final double MIN_EFFECTIVE_SAMPLE = 30;

    public static EstimateReport of(Estimator estimator, List<LoggedUnit> units, int replicates, int blockLength,
                                    RandomGenerator random) {
        Contributions c = estimator.contributions(units);
        double sum = 0;
        double sumSquares = 0;
        double max = 0;
        for (double w : c.weights()) {
            sum += w;
            sumSquares += w * w;
            max = Math.max(max, w);
        }
        int n = c.weights().length;
        double ess = sumSquares == 0 ? 0 : sum * sum / sumSquares;
        double[] boot = new double[replicates];
        int blocks = (n + blockLength - 1) / blockLength;
        for (int b = 0; b < replicates; b++) {
            int[] sample = new int[blocks * blockLength];
            for (int k = 0; k < blocks; k++) {
                int start = random.nextInt(Math.max(1, n - blockLength + 1));
                for (int j = 0; j < blockLength; j++) {
                    sample[k * blockLength + j] = Math.min(start + j, n - 1);
                }
            }
            boot[b] = c.value(sample);
        }
        // A resample without any positive weight has no self-normalised value; it says nothing about the interval.
        boot = Arrays.stream(boot).filter(v -> !Double.isNaN(v)).sorted().toArray();
        return new EstimateReport(estimator.name(), c.value(), percentile(boot, 0.025), percentile(boot, 0.975), ess,
                sum == 0 ? 0 : max / sum, n == 0 ? 0 : sum / n, warning(ess));
    }

    /** The warning shown with an estimate of this effective sample size, or "" when it can be trusted. */
    static String warning(double ess) {
        return ess < MIN_EFFECTIVE_SAMPLE
                ? String.format("effective sample size %.1f < %.0f: do not trust this estimate", ess, MIN_EFFECTIVE_SAMPLE)
                : "";
    }

    /** The q-quantile of sorted bootstrap values, NaN when there are none. */
    static double percentile(double[] sorted, double q) {
        return sorted.length == 0 ? Double.NaN : sorted[(int) Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
    }
}
