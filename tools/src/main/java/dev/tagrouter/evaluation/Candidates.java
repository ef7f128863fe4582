package dev.tagrouter.evaluation;

import dev.tagrouter.cost.CostEstimator;
import dev.tagrouter.table.ModelEntry;
import dev.tagrouter.decision.TagDecider.Candidate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Builds a prompt's candidate list as the product's {@code Router} does: per model its score and its estimated cost
 * (input tokens of the prompt plus the table's expected output tokens, at list prices), ordered as
 * {@code TagDecider} orders them.
 */
final class Candidates {

    private static final Comparator<Candidate> BY_COST =
            Comparator.comparingDouble(Candidate::costUsd).thenComparing(Candidate::model);

    private final CostEstimator costs = new CostEstimator();

    PromptChoice of(PoolData data, int prompt, List<ModelEntry> models, double[] scores) {
        List<Candidate> list = new ArrayList<>(models.size());
        for (int m = 0; m < models.size(); m++) {
            ModelEntry entry = models.get(m);
            list.add(new Candidate(entry.name(), scores[m], costs.estimate(entry, data.inputTokens()[prompt]).usd()));
        }
        list.sort(BY_COST);
        int[] index = new int[list.size()];
        for (int i = 0; i < index.length; i++) {
            index[i] = data.modelIndex(list.get(i).model());
        }
        return new PromptChoice(prompt, List.copyOf(list), index, -1);
    }

    static PromptChoice fixed(int prompt, int model) {
        return new PromptChoice(prompt, List.of(), new int[0], model);
    }
}
