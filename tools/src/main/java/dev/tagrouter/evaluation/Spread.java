package dev.tagrouter.evaluation;

import org.apache.commons.math3.stat.descriptive.moment.Mean;
import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;

/** Mean and sample standard deviation of a per-fold figure (NaN folds left out). */
public record Spread(double mean, double std, int n) {

    public static Spread of(double[] values) {
        double[] finite = java.util.Arrays.stream(values).filter(Double::isFinite).toArray();
        if (finite.length == 0) {
            return new Spread(Double.NaN, Double.NaN, 0);
        }
        double std = finite.length > 1 ? new StandardDeviation(true).evaluate(finite) : 0;
        return new Spread(new Mean().evaluate(finite), std, finite.length);
    }
}
