package dev.tagrouter.evaluation;

/**
 * Where a routing policy lands on held-out prompts.
 *
 * @param theta        the knob that produced it (NaN for policies without one)
 * @param acceptRate   share of prompts whose routed answer was accepted (win or tie)
 * @param meanCostUsd  mean real cost per prompt
 * @param totalCostUsd real cost summed over the prompts
 */
public record OperatingPoint(double theta, double acceptRate, double meanCostUsd, double totalCostUsd) {

    /** Scores per-prompt choices: {@code chosen[i]} is the pool position of the model routed for {@code prompts[i]}. */
    public static OperatingPoint of(PoolData data, int[] prompts, int[] chosen, double theta) {
        if (prompts.length != chosen.length) {
            throw new IllegalArgumentException("one choice per prompt expected");
        }
        int accepted = 0;
        double total = 0;
        for (int i = 0; i < prompts.length; i++) {
            if (data.accepted(prompts[i], chosen[i])) {
                accepted++;
            }
            total += data.cost(prompts[i], chosen[i]);
        }
        int n = Math.max(1, prompts.length);
        return new OperatingPoint(theta, accepted / (double) n, total / n, total);
    }
}
