package dev.tagrouter.scoring;

/** How the shrunk accept rates of a query's known tags become one estimate per model. */
public enum TagCombination {
    /** The mean of the tags' shrunk rates: the prior plus the mean deviation from it; the tag count does not add up. */
    MEAN,
    /** The prior plus the sum of the tags' deviations from it, clamped to [0, 1]. */
    SUM,
    /** The prior's log-odds plus the sum of the tags' log-odds deviations (naive Bayes). */
    LOG_ODDS
}
