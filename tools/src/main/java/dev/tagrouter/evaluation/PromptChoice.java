package dev.tagrouter.evaluation;

import dev.tagrouter.decision.TagDecider.Candidate;

import java.util.List;

/**
 * What a router knows about one held-out prompt before deciding: the pool's candidates ordered by estimated cost
 * (then name, as {@code TagDecider} orders them) with their scores, or a fixed model when it knows nothing about the
 * prompt (no tag of it is in the table: the router then answers with the table's default model whatever theta is).
 *
 * @param prompt     position of the prompt in the {@link PoolData}
 * @param byCost     candidates, cheapest first
 * @param modelIndex pool position of each candidate
 * @param fixedModel pool position of the model used regardless of theta, or -1
 */
public record PromptChoice(int prompt, List<Candidate> byCost, int[] modelIndex, int fixedModel) {

    public boolean isFixed() {
        return fixedModel >= 0;
    }
}
