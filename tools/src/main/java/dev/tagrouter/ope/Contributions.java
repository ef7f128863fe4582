package dev.tagrouter.ope;

/**
 * Per-unit terms of an estimate, value = sum(numerator) / sum(denominator): plain estimators have denominator 1,
 * self-normalised ones the weight. Keeping the terms lets the bootstrap resample units without refitting.
 *
 * @param numerator   each unit's term
 * @param denominator each unit's normaliser
 * @param weights     each unit's importance weight (1 for the direct method), for the diagnostics
 */
public record Contributions(double[] numerator, double[] denominator, double[] weights) {

    public double value() {
        return value(identity(numerator.length));
    }

    /** The estimate over a resample of unit indices. */
    public double value(int[] indices) {
        double num = 0;
        double den = 0;
        for (int i : indices) {
            num += numerator[i];
            den += denominator[i];
        }
        return den == 0 ? Double.NaN : num / den;
    }

    static int[] identity(int n) {
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        return all;
    }
}
