package dev.tagrouter.ope;

/**
 * Distribution of the number of successes of independent Bernoulli trials with different probabilities (IntIPW
 * note, "Estimators"): the exact dynamic programme d[k] = d[k](1-p) + d[k-1] p over the trials.
 */
public final class PoissonBinomial {

    private PoissonBinomial() {
    }

    public static double[] distribution(double[] probabilities) {
        double[] d = new double[probabilities.length + 1];
        d[0] = 1;
        for (int n = 0; n < probabilities.length; n++) {
            double p = probabilities[n];
            for (int k = n + 1; k >= 1; k--) {
                d[k] = d[k] * (1 - p) + d[k - 1] * p;
            }
            d[0] *= 1 - p;
        }
        return d;
    }
}
