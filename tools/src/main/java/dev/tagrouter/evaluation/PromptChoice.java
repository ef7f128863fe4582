package dev.tagrouter.evaluation;

import dev.tagrouter.decision.Candidate;

import java.util.List;

/**
 * What a router knows about one held-out prompt before deciding: the pool's candidates ordered by estimated cost
 * (then name, as every decision rule orders them) with their values.
 *
 * @param prompt     position of the prompt in the {@link PoolData}
 * @param byCost     candidates, cheapest first
 * @param modelIndex pool position of each candidate
 * @param knownTag   whether the router knew at least one of the prompt's tags (always true for kNN)
 */
public record PromptChoice(int prompt, List<Candidate> byCost, int[] modelIndex, boolean knownTag) {
}
