package dev.tagrouter.evaluation;

import dev.tagrouter.decision.TagDecider.Candidate;

import java.util.List;
import java.util.function.DoubleConsumer;

/**
 * Ablation rule: argmax of a linear utility {@code S(M) + theta * c(M)}, with c the candidate's estimated cost
 * rescaled to [0, 1] between this prompt's cheapest and most expensive candidate; ties go to the cheaper model.
 * Negative theta charges for cost, positive theta pays for it. Unlike the product rule it weighs every model's score
 * against its price at once instead of walking up the price ladder.
 */
public final class CostPenaltyRule implements DecisionRule {

    @Override
    public String name() {
        return "score plus theta times scaled cost";
    }

    @Override
    public int choose(List<Candidate> byCost, double theta) {
        double[] c = scaledCosts(byCost);
        int best = 0;
        double bestUtility = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < byCost.size(); i++) {
            double u = byCost.get(i).score() + theta * c[i];
            if (u > bestUtility + 1e-9) {
                best = i;
                bestUtility = u;
            }
        }
        return best;
    }

    /** Two candidates swap places where their utilities are equal: theta = (S_a - S_b) / (c_b - c_a). */
    @Override
    public void breakpoints(List<Candidate> byCost, DoubleConsumer sink) {
        double[] c = scaledCosts(byCost);
        for (int a = 0; a < byCost.size(); a++) {
            for (int b = a + 1; b < byCost.size(); b++) {
                if (c[b] > c[a]) {
                    sink.accept((byCost.get(a).score() - byCost.get(b).score()) / (c[b] - c[a]));
                }
            }
        }
    }

    private static double[] scaledCosts(List<Candidate> byCost) {
        double lo = byCost.get(0).costUsd();
        double range = byCost.get(byCost.size() - 1).costUsd() - lo;
        double[] c = new double[byCost.size()];
        for (int i = 0; i < c.length; i++) {
            c[i] = range > 0 ? (byCost.get(i).costUsd() - lo) / range : 0;
        }
        return c;
    }
}
