package dev.tagrouter.table;

import java.util.Objects;

/**
 * A model of the pool: its list prices, the output length to expect from it, and its outcomes over all
 * training prompts (the prior used when a query carries no known tag).
 */
public record ModelEntry(String name, double inputUsdPerMTok, double outputUsdPerMTok, int expectedOutputTokens,
                         OutcomeCounts overall) {

    public ModelEntry {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(overall, "overall");
        if (name.isBlank()) {
            throw new IllegalArgumentException("model name must not be blank");
        }
        requirePrice(name, "inputUsdPerMTok", inputUsdPerMTok);
        requirePrice(name, "outputUsdPerMTok", outputUsdPerMTok);
        if (expectedOutputTokens < 0) {
            throw new IllegalArgumentException("model " + name + ": expectedOutputTokens must be >= 0, got "
                    + expectedOutputTokens);
        }
    }

    private static void requirePrice(String model, String field, double value) {
        if (!Double.isFinite(value) || value < 0) {
            throw new IllegalArgumentException("model " + model + ": " + field + " must be a finite number >= 0, got "
                    + value);
        }
    }
}
