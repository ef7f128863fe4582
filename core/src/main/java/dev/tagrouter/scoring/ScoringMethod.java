package dev.tagrouter.scoring;

/** How a query's per-model values are computed from the table: calibrated accept rates, or the paper's summed scores. */
public enum ScoringMethod {
    /** Per-tag accept rates shrunk toward each model's overall rate and combined as an accept-rate estimate. */
    CALIBRATED,
    /** TagRouter's TagScorer: {@code S(M, q) = sum_t w_t * (s_win * wins + s_tie * ties + s_loss * losses)}. */
    PAPER_SUM
}
