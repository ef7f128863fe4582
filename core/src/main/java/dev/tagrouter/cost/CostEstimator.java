package dev.tagrouter.cost;

import dev.tagrouter.table.ModelEntry;

/**
 * Estimates the price of sending a query to a model: {@code in * price_in + out * price_out}, prices in USD per
 * million tokens, input tokens counted by a real tokenizer and output tokens expected from the routing table.
 */
public final class CostEstimator {

    private static final double PER_MILLION = 1_000_000d;

    public CostEstimate estimate(ModelEntry model, int inputTokens) {
        return estimate(model, inputTokens, model.expectedOutputTokens());
    }

    public CostEstimate estimate(ModelEntry model, int inputTokens, int outputTokens) {
        double usd = (inputTokens * model.inputUsdPerMTok() + outputTokens * model.outputUsdPerMTok()) / PER_MILLION;
        return new CostEstimate(inputTokens, outputTokens, usd);
    }
}
