package dev.tagrouter.decision;

import java.util.List;
import java.util.function.DoubleConsumer;

/**
 * A utility rule (not in TagRouter; issue 12): choose the candidate maximising
 * {@code estimate - lambda * cost / costScale}, with {@code lambda = -preference} and costScale the table's typical
 * cost of a call to its dearest model. This is the Lagrangian of "most expected accepted answers for a budget", so
 * with calibrated estimates no policy reaches a higher accept rate at the same expected spend, and spending only
 * goes where the estimated gain per dollar is highest. Ties go to the cheaper model. Unlike the threshold rule,
 * sweeping lambda visits every vertex of the upper concave hull of (cost, estimate) of each query, so with no tag
 * known it reaches each single model's own point.
 *
 * <p>Costs are absolute, not relative to the query's dearest candidate: a per-query ratio would change with the
 * query's mix of input and output tokens and route on that artefact (measured: a table built on GSM8K then fell
 * below random on MMLU).
 */
public final class UtilityRule implements DecisionRule {

    private final double costScaleUsd;

    /** @param costScaleUsd the cost one unit of lambda is counted against, > 0 */
    public UtilityRule(double costScaleUsd) {
        if (!(costScaleUsd > 0) || !Double.isFinite(costScaleUsd)) {
            throw new IllegalArgumentException("costScaleUsd must be a finite number > 0, got " + costScaleUsd);
        }
        this.costScaleUsd = costScaleUsd;
    }

    @Override
    public String name() {
        return "utility";
    }

    @Override
    public int choose(List<Candidate> byCost, double preference) {
        int best = 0;
        double bestUtility = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < byCost.size(); i++) {
            Candidate c = byCost.get(i);
            double utility = utility(c.score(), c.costUsd(), preference);
            if (utility > bestUtility + EPSILON) {
                best = i;
                bestUtility = utility;
            }
        }
        return best;
    }

    /** What the rule maximises: an accept rate less the cost priced at {@code lambda = -preference} per cost scale. */
    public double utility(double acceptRate, double costUsd, double preference) {
        return acceptRate + preference * costUsd / costScaleUsd;
    }

    /** Two candidates swap places where their utilities are equal: at {@code lambda = d(estimate) / d(cost)}. */
    @Override
    public void breakpoints(List<Candidate> byCost, DoubleConsumer sink) {
        for (int i = 0; i < byCost.size(); i++) {
            for (int j = i + 1; j < byCost.size(); j++) {
                double dc = (byCost.get(j).costUsd() - byCost.get(i).costUsd()) / costScaleUsd;
                if (dc > 0) {
                    sink.accept(-(byCost.get(j).score() - byCost.get(i).score()) / dc);
                }
            }
        }
    }
}
