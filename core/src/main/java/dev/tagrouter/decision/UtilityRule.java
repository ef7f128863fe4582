package dev.tagrouter.decision;

import java.util.List;
import java.util.function.DoubleConsumer;

/**
 * A utility rule (not in TagRouter; issue 12): choose the candidate maximising
 * {@code estimate - lambda * cost / cost of the dearest candidate}, with {@code lambda = -preference}: lambda is the
 * accept-rate points the caller would give up rather than pay the dearest candidate's full price. Ties go to the
 * cheaper model. Unlike the threshold rule, sweeping lambda visits every vertex of the upper concave hull of
 * (cost, estimate) for each query, so with no tag known it reaches each single model's own point, and calibrated
 * estimates can only move it above random mixing of those models.
 */
public final class UtilityRule implements DecisionRule {

    @Override
    public String name() {
        return "utility";
    }

    @Override
    public int choose(List<Candidate> byCost, double preference) {
        double lambda = -preference;
        double scale = dearest(byCost);
        int best = 0;
        double bestUtility = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < byCost.size(); i++) {
            Candidate c = byCost.get(i);
            double utility = c.score() - lambda * relativeCost(c, scale);
            if (utility > bestUtility + EPSILON) {
                best = i;
                bestUtility = utility;
            }
        }
        return best;
    }

    /** Two candidates swap places where their utilities are equal: at {@code lambda = d(estimate) / d(cost)}. */
    @Override
    public void breakpoints(List<Candidate> byCost, DoubleConsumer sink) {
        double scale = dearest(byCost);
        for (int i = 0; i < byCost.size(); i++) {
            for (int j = i + 1; j < byCost.size(); j++) {
                double dc = relativeCost(byCost.get(j), scale) - relativeCost(byCost.get(i), scale);
                if (dc > 0) {
                    sink.accept(-(byCost.get(j).score() - byCost.get(i).score()) / dc);
                }
            }
        }
    }

    private static double dearest(List<Candidate> byCost) {
        return byCost.get(byCost.size() - 1).costUsd();
    }

    private static double relativeCost(Candidate c, double scale) {
        return scale > 0 ? c.costUsd() / scale : 0;
    }
}
