package dev.tagrouter.tablebuilding;

import dev.tagrouter.table.Outcome;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a judgment into win, tie or loss against the reference.
 *
 * <ul>
 *   <li>{@code outcome} column: taken as is.</li>
 *   <li>{@code preference} in [1, 2] (1.5 = tie): win if {@code > 1.5 + tieBand}, tie if within
 *       {@code tieBand} of 1.5, loss otherwise.</li>
 *   <li>{@code score} (any scale): compared with {@code referenceModel}'s score on the same prompt, with the same
 *       tie band; prompts where the reference has no score are skipped.</li>
 * </ul>
 *
 * @param tieBand        half-width of the tie band, >= 0
 * @param referenceModel model whose {@code score} is the bar for the others; only needed for {@code score} data
 */
public record OutcomeMapping(double tieBand, String referenceModel) {

    public static final double NEUTRAL_PREFERENCE = 1.5;

    public OutcomeMapping {
        if (!Double.isFinite(tieBand) || tieBand < 0) {
            throw new IllegalArgumentException("tieBand must be a finite number >= 0, got " + tieBand);
        }
    }

    /** The outcome of a judgment, given the other judgments of the same prompt; empty when undecidable. */
    public Optional<Outcome> outcome(Judgment judgment, Map<String, Judgment> samePrompt) {
        if (judgment.outcome() != null) {
            return Optional.of(judgment.outcome());
        }
        if (!Double.isNaN(judgment.preference())) {
            return Optional.of(compare(judgment.preference(), NEUTRAL_PREFERENCE));
        }
        if (!Double.isNaN(judgment.score()) && referenceModel != null) {
            Judgment reference = samePrompt.get(referenceModel);
            if (reference != null && !Double.isNaN(reference.score())) {
                return Optional.of(compare(judgment.score(), reference.score()));
            }
        }
        return Optional.empty();
    }

    private Outcome compare(double value, double bar) {
        if (value > bar + tieBand) {
            return Outcome.WIN;
        }
        return value >= bar - tieBand ? Outcome.TIE : Outcome.LOSS;
    }

    /** One line for the table's provenance. */
    public String describe() {
        return String.format(Locale.ROOT, "outcome as given; preference vs 1.5 or score vs %s, tie band %s",
                referenceModel == null ? "(no reference)" : referenceModel, tieBand);
    }
}
