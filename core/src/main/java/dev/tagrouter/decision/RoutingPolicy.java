package dev.tagrouter.decision;

import dev.tagrouter.cost.CostEstimator;
import dev.tagrouter.table.CompiledTable;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The one routing policy of tagrouter: a query's known tags and its eligible models with their estimated costs in,
 * the candidates with their values, the rule's choice and the probability of every candidate out (exploration
 * included). The router, the evaluation, off-policy evaluation and the offline {@code route} command all call it,
 * so what is measured is what is served.
 */
public final class RoutingPolicy {

    /**
     * What the policy decided for one query. {@code ranked} is the served model first, then every other candidate in
     * the order the rule prefers them (the rule's choice among those left, repeatedly): a caller's fallbacks.
     */
    public record Decision(List<Candidate> byCost, Choice choice, Candidate served, double[] probabilities,
                           List<Candidate> ranked) {

        /** Whether exploration served another model than the rule chose. */
        public boolean explored() {
            return !served.equals(choice.chosen());
        }
    }

    private final CompiledTable table;
    private final DecisionRule rule;
    private final Optional<ExplorationPolicy> exploration;
    private final CostEstimator costs = new CostEstimator();

    public RoutingPolicy(CompiledTable table, DecisionRule rule, Optional<ExplorationPolicy> exploration) {
        this.table = table;
        this.rule = rule;
        this.exploration = exploration;
    }

    /** The policy a table is meant to be served with. */
    public static RoutingPolicy of(CompiledTable table, Optional<ExplorationPolicy> exploration) {
        return new RoutingPolicy(table, DecisionRule.of(table.table().decision()), exploration);
    }

    public CompiledTable table() {
        return table;
    }

    public DecisionRule rule() {
        return rule;
    }

    /** Each model's estimated cost for a query of this many input tokens, in the order of {@code models}. */
    public double[] costsUsd(int[] models, int inputTokens) {
        double[] cost = new double[models.length];
        for (int i = 0; i < models.length; i++) {
            cost[i] = costs.estimate(table.model(models[i]), inputTokens).usd();
        }
        return cost;
    }

    /**
     * The candidates cheapest first, each with the query's value for it.
     *
     * @param knownTags positions of the query's known tags in the table
     * @param models    positions of the eligible models in the table
     * @param costsUsd  estimated cost of each eligible model for this query, in the order of {@code models}
     */
    public List<Candidate> candidates(int[] knownTags, int[] models, double[] costsUsd) {
        return candidates(knownTags, null, models, costsUsd);
    }

    /**
     * The candidates cheapest first, each known tag counted at its weight.
     *
     * @param tagWeights each known tag's weight, in the order of {@code knownTags}; null means every weight is 1
     */
    public List<Candidate> candidates(int[] knownTags, double[] tagWeights, int[] models, double[] costsUsd) {
        List<Candidate> byCost = new ArrayList<>(models.length);
        for (int i = 0; i < models.length; i++) {
            byCost.add(new Candidate(table.model(models[i]).name(), table.score(models[i], knownTags, tagWeights),
                    costsUsd[i]));
        }
        byCost.sort(DecisionRule.CHEAPEST_FIRST);
        return byCost;
    }

    /**
     * Decides for one query. The request id seeds exploration's draw, so it is required when exploration is on.
     */
    public Decision decide(int[] knownTags, int[] models, double[] costsUsd, double preference, String requestId) {
        return decide(knownTags, null, models, costsUsd, preference, requestId);
    }

    /** Decides for one query whose known tags carry weights (null: every weight is 1, the plain decision). */
    public Decision decide(int[] knownTags, double[] tagWeights, int[] models, double[] costsUsd, double preference,
                           String requestId) {
        List<Candidate> byCost = candidates(knownTags, tagWeights, models, costsUsd);
        Choice choice = rule.decide(byCost, preference);
        double[] p = new double[byCost.size()];
        Candidate served = choice.chosen();
        if (exploration.isPresent()) {
            if (requestId == null) {
                throw new IllegalStateException("exploration needs a request id to seed the draw; the caller's edge"
                        + " must give every request one");
            }
            p = exploration.get().probabilities(byCost, choice.chosen());
            served = byCost.get(exploration.get().sample(p, requestId));
        } else {
            p[byCost.indexOf(served)] = 1;
        }
        return new Decision(List.copyOf(byCost), choice, served, p, ranked(byCost, served, preference));
    }

    private List<Candidate> ranked(List<Candidate> byCost, Candidate first, double preference) {
        List<Candidate> ranked = new ArrayList<>(byCost.size());
        ranked.add(first);
        List<Candidate> rest = new ArrayList<>(byCost);
        rest.remove(first);
        while (!rest.isEmpty()) { // removing keeps the rest cheapest first, as the rule expects
            ranked.add(rest.remove(rule.choose(rest, preference)));
        }
        return List.copyOf(ranked);
    }
}
