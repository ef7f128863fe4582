package dev.tagrouter.evaluation;

import dev.tagrouter.cost.CostEstimator;
import dev.tagrouter.decision.Candidate;
import dev.tagrouter.decision.DecisionRule;
import dev.tagrouter.table.ModelEntry;

import java.util.ArrayList;
import java.util.List;

/**
 * A prompt's candidate list for a baseline router, priced as the product's {@code Router} prices them (input tokens
 * of the prompt plus the table's expected output tokens, at list prices) and ordered as every decision rule orders
 * them.
 */
final class Candidates {

    private final CostEstimator costs = new CostEstimator();

    PromptChoice of(PoolData data, int prompt, List<ModelEntry> models, double[] scores) {
        List<Candidate> list = new ArrayList<>(models.size());
        for (int m = 0; m < models.size(); m++) {
            ModelEntry entry = models.get(m);
            list.add(new Candidate(entry.name(), scores[m], costs.estimate(entry, data.inputTokens()[prompt]).usd()));
        }
        list.sort(DecisionRule.CHEAPEST_FIRST);
        return new PromptChoice(prompt, List.copyOf(list), positions(data, list), true);
    }

    static int[] positions(PoolData data, List<Candidate> byCost) {
        int[] index = new int[byCost.size()];
        for (int i = 0; i < index.length; i++) {
            index[i] = data.modelIndex(byCost.get(i).model());
        }
        return index;
    }
}
