package dev.tagrouter.decision;

import dev.tagrouter.table.DecisionRuleName;
import dev.tagrouter.table.DecisionSettings;

import java.util.Comparator;
import java.util.List;
import java.util.function.DoubleConsumer;

/**
 * A cost-aware decision rule with one knob, the cost preference: 0 takes the best value (ties to the cheaper
 * model), lower values trade value for cost, higher ones pay for more.
 */
public interface DecisionRule {

    /** Candidates by estimated cost, then by name: the order of every rule and of every decision's lists. */
    Comparator<Candidate> CHEAPEST_FIRST = Comparator.comparingDouble(Candidate::costUsd)
            .thenComparing(Candidate::model);

    // Values of different models can differ in the last bits though the counts behind them are equal.
    double EPSILON = 1e-9;

    /** Short name for reports and explanations. */
    String name();

    /** Chooses among non-empty candidates ordered {@link #CHEAPEST_FIRST}; returns the chosen position. */
    int choose(List<Candidate> byCost, double preference);

    /** Every preference at which the choice among these candidates can change, so a sweep can hit each of them. */
    void breakpoints(List<Candidate> byCost, DoubleConsumer sink);

    /** The rule a table is served with. */
    static DecisionRule of(DecisionSettings settings) {
        return of(settings.rule(), settings.costScaleUsd());
    }

    /** A rule by name; the cost scale only matters to the utility rule. */
    static DecisionRule of(DecisionRuleName name, double costScaleUsd) {
        return switch (name) {
            case UTILITY -> new UtilityRule(costScaleUsd);
            case THRESHOLD -> new ThresholdRule();
        };
    }

    /** The choice with its reason. */
    default Choice decide(List<Candidate> byCost, double preference) {
        if (byCost.isEmpty()) {
            throw new IllegalArgumentException("no candidates to decide among");
        }
        Candidate top = byCost.get(0);
        for (Candidate c : byCost) {
            if (c.score() > top.score() + EPSILON) {
                top = c;
            }
        }
        if (byCost.size() == 1) {
            return new Choice(top, top, DecisionReason.ONLY_CANDIDATE);
        }
        Candidate chosen = byCost.get(choose(byCost, preference));
        DecisionReason reason = chosen.equals(top) ? DecisionReason.TOP_SCORE
                : CHEAPEST_FIRST.compare(chosen, top) < 0 ? DecisionReason.CHEAPER_WITHIN_PREFERENCE
                : DecisionReason.PREMIUM_OVER_PREFERENCE;
        return new Choice(chosen, top, reason);
    }
}
