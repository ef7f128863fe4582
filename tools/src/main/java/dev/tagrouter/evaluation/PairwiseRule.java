package dev.tagrouter.evaluation;

import dev.tagrouter.decision.TagDecider;
import dev.tagrouter.decision.TagDecider.Candidate;

import java.util.List;
import java.util.function.DoubleConsumer;

/**
 * Ablation rule: the paper's two-model rule applied to the cheapest and the most expensive candidate only, ignoring
 * the middle of the pool (TagRouter section 3, TagDecider, {@code S(cheap) - S(expensive) >= theta}).
 */
public final class PairwiseRule implements DecisionRule {

    private final TagDecider decider = new TagDecider();

    @Override
    public String name() {
        return "pairwise cheapest vs most expensive";
    }

    @Override
    public int choose(List<Candidate> byCost, double theta) {
        if (byCost.size() == 1) {
            return 0;
        }
        Candidate cheap = byCost.get(0);
        Candidate dear = byCost.get(byCost.size() - 1);
        return decider.decide(List.of(cheap, dear), theta).chosen().equals(cheap) ? 0 : byCost.size() - 1;
    }

    @Override
    public void breakpoints(List<Candidate> byCost, DoubleConsumer sink) {
        if (byCost.size() > 1) {
            sink.accept(byCost.get(0).score() - byCost.get(byCost.size() - 1).score());
        }
    }
}
