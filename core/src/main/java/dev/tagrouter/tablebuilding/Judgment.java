package dev.tagrouter.tablebuilding;

import dev.tagrouter.table.Outcome;

/**
 * One judged answer of a model to a prompt, as found in {@code judgments.csv}; exactly one of the three judgment
 * columns is set.
 *
 * @param promptId    the prompt
 * @param model       the model that answered
 * @param preference  {@code preference} column in [1, 2] (1.5 = tie with the reference), or NaN
 * @param outcome     {@code outcome} column (win/tie/loss), or null
 * @param score       {@code score} column (any numeric judge score), or NaN
 * @param outputChars length of the answer in characters, or -1 when unknown
 */
public record Judgment(String promptId, String model, double preference, Outcome outcome, double score,
                       int outputChars) {
}
