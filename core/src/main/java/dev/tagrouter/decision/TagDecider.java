package dev.tagrouter.decision;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * TagDecider of TagRouter (Chen et al., ACL 2025, section 3 "TagDecider"): with two models the query goes to the
 * cheaper one when {@code S(cheap) - S(expensive) >= theta}.
 *
 * <p>Generalisation to any number of models (the paper leaves it open): order the candidates by estimated cost and
 * pick the cheapest model whose score is at least {@code theta} above the score of every more expensive candidate.
 * The most expensive candidate always qualifies. With two models this is exactly the paper's rule; with theta = 0
 * it is the argmax with ties to the cheaper model; for theta &lt;= 0 it equals "the cheapest model within |theta| of
 * the best score"; and the choice only gets cheaper as theta decreases, so sweeping theta traces a monotone
 * cost/accept curve.
 */
public final class TagDecider {

    // Summed scores of different models can differ in the last bits though the counts behind them are equal.
    private static final double EPSILON = 1e-9;

    /** Candidates by estimated cost, then by name: the order of the theta rule and of every decision's lists. */
    public static final Comparator<Candidate> CHEAPEST_FIRST =
            Comparator.comparingDouble(Candidate::costUsd).thenComparing(Candidate::model);

    /** A model that may answer this query, its summed tag score and its estimated cost for this query. */
    public record Candidate(String model, double score, double costUsd) {
    }

    /** The chosen candidate and why it was chosen over the top-scoring one. */
    public record Choice(Candidate chosen, Candidate topScoring, DecisionReason reason) {
    }

    /** Chooses among non-empty candidates. */
    public Choice decide(List<Candidate> candidates, double theta) {
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException("no candidates to decide among");
        }
        List<Candidate> byCost = new ArrayList<>(candidates);
        byCost.sort(CHEAPEST_FIRST);
        int n = byCost.size();
        Candidate top = byCost.get(0);
        for (Candidate c : byCost) {
            if (c.score() > top.score() + EPSILON) {
                top = c;
            }
        }
        if (n == 1) {
            return new Choice(top, top, DecisionReason.ONLY_CANDIDATE);
        }
        // bestAbove[i] = max score of the candidates more expensive than i.
        double[] bestAbove = new double[n];
        bestAbove[n - 1] = Double.NEGATIVE_INFINITY;
        for (int i = n - 2; i >= 0; i--) {
            bestAbove[i] = Math.max(bestAbove[i + 1], byCost.get(i + 1).score());
        }
        for (int i = 0; i < n; i++) {
            Candidate c = byCost.get(i);
            if (c.score() + EPSILON >= bestAbove[i] + theta) {
                return new Choice(c, top, reasonFor(c, top));
            }
        }
        throw new AssertionError("the most expensive candidate always qualifies");
    }

    private static DecisionReason reasonFor(Candidate chosen, Candidate top) {
        if (chosen.equals(top)) {
            return DecisionReason.TOP_SCORE;
        }
        return CHEAPEST_FIRST.compare(chosen, top) < 0 ? DecisionReason.CHEAPER_WITHIN_THETA : DecisionReason.PREMIUM_OVER_THETA;
    }
}
