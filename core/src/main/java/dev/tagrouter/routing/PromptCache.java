package dev.tagrouter.routing;

/**
 * The previous turn's model and what its prompt cache is worth for this turn: staying on it prices the conversation
 * prefix it already read at its cached-input price; any other model pays the full input price for that prefix.
 *
 * @param model                 the model of the previous assistant turn
 * @param prefixTokens          input tokens of the prefix that model's cache holds (the turns before the last
 *                              assistant turn, system text and tool definitions)
 * @param cachedInputUsdPerMTok the price that model's estimate charges for them, from the catalog's cached-to-input
 *                              ratio applied to the table's input price; null when unknown (then no discount)
 * @param cacheLossUsd          what leaving the model adds to the input cost: the prefix at the full input price
 *                              minus the prefix at the cached price; 0 when the cached price is unknown
 */
public record PromptCache(String model, int prefixTokens, Double cachedInputUsdPerMTok, double cacheLossUsd) {

    /** Whether this model's estimate gets the cached price for the prefix. */
    public boolean discounts(String name) {
        return cachedInputUsdPerMTok != null && prefixTokens > 0 && model.equals(name);
    }
}
