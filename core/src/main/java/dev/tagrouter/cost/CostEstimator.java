package dev.tagrouter.cost;

import dev.tagrouter.table.ModelEntry;

/**
 * Estimates the price of sending a query to a model: {@code in * price_in + out * price_out}, prices in USD per
 * million tokens, input tokens counted by a real tokenizer and output tokens expected from the routing table. When
 * the model's prompt cache holds the first {@code cached} input tokens, those are priced at its cached-input price:
 * {@code (in - cached) * price_in + cached * price_cached + out * price_out}.
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

    /**
     * The price when {@code cachedTokens} of the input are served from the model's prompt cache at
     * {@code cachedUsdPerMTok}; with no cached token it is exactly {@link #estimate(ModelEntry, int, int)}.
     */
    public CostEstimate estimate(ModelEntry model, int inputTokens, int outputTokens, int cachedTokens,
                                 double cachedUsdPerMTok) {
        if (cachedTokens <= 0) {
            return estimate(model, inputTokens, outputTokens);
        }
        int cached = Math.min(cachedTokens, inputTokens);
        double usd = ((inputTokens - cached) * model.inputUsdPerMTok() + cached * cachedUsdPerMTok
                + outputTokens * model.outputUsdPerMTok()) / PER_MILLION;
        return new CostEstimate(inputTokens, outputTokens, usd);
    }

    /** What serving {@code cachedTokens} input tokens from the prompt cache saves over the full input price. */
    public double cacheSavingUsd(ModelEntry model, int cachedTokens, double cachedUsdPerMTok) {
        return Math.max(0, cachedTokens) * (model.inputUsdPerMTok() - cachedUsdPerMTok) / PER_MILLION;
    }
}
