package dev.tagrouter.table;

/** Which decision rule a table is served with. */
public enum DecisionRuleName {
    /** Maximise estimated accept rate minus lambda times the cost relative to the dearest candidate. */
    UTILITY,
    /** TagRouter's TagDecider: the cheapest model within theta accept-rate points of the best. */
    THRESHOLD
}
