package dev.tagrouter.decision;

/** Machine-readable reason of a routing decision. */
public enum DecisionReason {
    /** The chosen model has the highest summed tag score (ties go to the cheaper model). */
    TOP_SCORE,
    /** A cheaper model scored lower than the best, but by less than the cost threshold theta allows. */
    CHEAPER_WITHIN_THETA,
    /** A positive theta asked for a margin the cheaper top-scoring model did not reach, so a costlier one won. */
    PREMIUM_OVER_THETA,
    /** Only one model was eligible. */
    ONLY_CANDIDATE,
    /** The query carries no tag the table knows; the default model (or the best model overall) was used. */
    NO_KNOWN_TAG,
    /** Exploration is on and drew another model than the decider's choice, with the logged probability. */
    EXPLORATION
}
