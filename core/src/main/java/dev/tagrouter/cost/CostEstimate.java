package dev.tagrouter.cost;

/** Estimated price of one call: tokens in, tokens expected out, and the USD they cost at list prices. */
public record CostEstimate(int inputTokens, int outputTokens, double usd) {
}
