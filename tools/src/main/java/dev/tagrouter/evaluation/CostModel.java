package dev.tagrouter.evaluation;

import dev.tagrouter.cost.CostEstimator;
import dev.tagrouter.table.ModelEntry;
import dev.tagrouter.table.OutcomeCounts;
import dev.tagrouter.cost.TokenCounter;
import dev.tagrouter.tablebuilding.ModelPrice;

/**
 * The real price of a routed call, as the paper's "cost" (section 4.1): the prompt's input tokens counted by the
 * tokenizer plus the dataset's actual answer length of that model converted to tokens, times list prices. Unlike
 * the router's own estimate (which only knows a model's mean answer length) this uses the answer that was given.
 */
public final class CostModel {

    private final TokenCounter tokens;
    private final double charsPerToken;
    private final int defaultOutputTokens;
    private final CostEstimator estimator = new CostEstimator();

    public CostModel(TokenCounter tokens, double charsPerToken, int defaultOutputTokens) {
        if (!(charsPerToken > 0)) {
            throw new IllegalArgumentException("charsPerToken must be > 0, got " + charsPerToken);
        }
        this.tokens = tokens;
        this.charsPerToken = charsPerToken;
        this.defaultOutputTokens = defaultOutputTokens;
    }

    public int inputTokens(String prompt) {
        return tokens.count(prompt);
    }

    /** Output tokens of an answer of this many characters; the default when the length is unknown (-1). */
    public int outputTokens(int outputChars) {
        return outputChars < 0 ? defaultOutputTokens : (int) Math.round(outputChars / charsPerToken);
    }

    /** USD of one call with these tokens at these prices, through the router's own estimator. */
    public double usd(ModelPrice price, int inputTokens, int outputChars) {
        ModelEntry entry = new ModelEntry(price.model(), price.inputUsdPerMTok(), price.outputUsdPerMTok(), 0,
                OutcomeCounts.ZERO);
        return estimator.estimate(entry, inputTokens, outputTokens(outputChars)).usd();
    }
}
