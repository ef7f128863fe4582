package dev.tagrouter.ope;

import dev.tagrouter.decisionlog.DecisionLogEntry;
import dev.tagrouter.table.CompiledTable;
import dev.tagrouter.cost.CostEstimator;
import dev.tagrouter.decision.TagDecider;

import java.util.ArrayList;
import java.util.List;

/**
 * What a candidate routing table would have chosen for a logged decision: the logged tags scored with the candidate
 * table, among the logged eligible models that the candidate table prices, decided with its theta rule and the
 * logged input tokens. Deterministic, so its probability vector is one-hot.
 */
public final class CandidateTablePolicy {

    private final CompiledTable table;
    private final double theta;
    private final CostEstimator costs = new CostEstimator();
    private final TagDecider decider = new TagDecider();

    public CandidateTablePolicy(CompiledTable table, double theta) {
        this.table = table;
        this.theta = theta;
    }

    /**
     * The candidate the table chooses (model, summed score, estimated cost at the candidate table's prices), or null
     * when none of the logged eligible models is in its pool.
     */
    public TagDecider.Candidate choose(DecisionLogEntry entry) {
        List<TagDecider.Candidate> candidates = new ArrayList<>();
        for (String model : entry.probabilities().keySet()) {
            int m = table.modelIndex(model);
            if (m < 0) {
                continue;
            }
            double score = 0;
            for (String tag : entry.tags()) {
                int t = table.tagIndex(tag);
                if (t >= 0) {
                    score += table.score(t, m);
                }
            }
            candidates.add(new TagDecider.Candidate(model, score,
                    costs.estimate(table.model(m), entry.inputTokens()).usd()));
        }
        return candidates.isEmpty() ? null : decider.decide(candidates, theta).chosen();
    }
}
