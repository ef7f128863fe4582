package dev.tagrouter.decision;

import java.util.List;
import java.util.function.DoubleConsumer;

/**
 * TagDecider of TagRouter (Chen et al., ACL 2025, section 3 "TagDecider"): with two models the query goes to the
 * cheaper one when {@code S(cheap) - S(expensive) >= theta}; theta is the cost preference.
 *
 * <p>Generalisation to any number of models (the paper leaves it open): order the candidates by estimated cost and
 * pick the cheapest model whose value is at least theta above the value of every more expensive candidate. The most
 * expensive candidate always qualifies. With two models this is exactly the paper's rule; with theta = 0 it is the
 * argmax with ties to the cheaper model; for theta &lt;= 0 it is "the cheapest model within |theta| of the best" (in
 * accept-rate points on a calibrated table); the choice only gets cheaper as theta decreases.
 */
public final class ThresholdRule implements DecisionRule {

    @Override
    public String name() {
        return "threshold";
    }

    @Override
    public int choose(List<Candidate> byCost, double theta) {
        int n = byCost.size();
        // bestAbove[i] = max value of the candidates more expensive than i.
        double[] bestAbove = new double[n];
        bestAbove[n - 1] = Double.NEGATIVE_INFINITY;
        for (int i = n - 2; i >= 0; i--) {
            bestAbove[i] = Math.max(bestAbove[i + 1], byCost.get(i + 1).score());
        }
        for (int i = 0; i < n; i++) {
            if (byCost.get(i).score() + EPSILON >= bestAbove[i] + theta) {
                return i;
            }
        }
        throw new AssertionError("the most expensive candidate always qualifies");
    }

    /** The choice moves past candidate i exactly when theta crosses {@code S(i) - max S(more expensive)}. */
    @Override
    public void breakpoints(List<Candidate> byCost, DoubleConsumer sink) {
        double bestAbove = Double.NEGATIVE_INFINITY;
        for (int i = byCost.size() - 1; i >= 1; i--) {
            bestAbove = Math.max(bestAbove, byCost.get(i).score());
            sink.accept(byCost.get(i - 1).score() - bestAbove);
        }
    }
}
