package dev.tagrouter.evaluation;

import dev.tagrouter.decision.TagDecider;
import dev.tagrouter.decision.TagDecider.Candidate;

import java.util.List;
import java.util.function.DoubleConsumer;

/**
 * The product's rule, delegated to core's {@link TagDecider} (TagRouter section 3, TagDecider: the cheaper model
 * when {@code S(cheap) - S(expensive) >= theta}, generalised to the cheapest model at least theta above every more
 * expensive one).
 */
public final class ThresholdRule implements DecisionRule {

    private final TagDecider decider = new TagDecider();

    @Override
    public String name() {
        return "threshold (product rule)";
    }

    @Override
    public int choose(List<Candidate> byCost, double theta) {
        Candidate chosen = decider.decide(byCost, theta).chosen();
        int i = byCost.indexOf(chosen);
        if (i < 0) {
            throw new IllegalStateException("decider chose a model outside the candidates: " + chosen);
        }
        return i;
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
