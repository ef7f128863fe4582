package dev.tagrouter.evaluation;

import dev.tagrouter.decision.TagDecider.Candidate;

import java.util.List;
import java.util.function.DoubleConsumer;

/**
 * A cost-aware decision rule with one knob theta: low theta picks cheap models, high theta expensive ones. The
 * product's rule is core's {@code TagDecider}; the others exist to measure it against alternatives for more than two
 * models.
 */
public interface DecisionRule {

    /** Short name for the report. */
    String name();

    /** Position in {@code byCost} (cheapest first) of the chosen candidate. */
    int choose(List<Candidate> byCost, double theta);

    /** Every theta at which the choice for these candidates can change, so a sweep can hit each of them. */
    void breakpoints(List<Candidate> byCost, DoubleConsumer sink);
}
