package dev.tagrouter.evaluation;

/**
 * The two single-model points every curve is measured against on a fold: the cheapest model (lowest mean cost over
 * the pool's prompts) and the strongest (highest accept rate over the pool's prompts), each evaluated on the fold.
 */
public record Reference(double cheapCost, double cheapAr, double strongCost, double strongAr) {
}
