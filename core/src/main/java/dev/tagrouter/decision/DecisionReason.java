package dev.tagrouter.decision;

/** Machine-readable reason of a routing decision. */
public enum DecisionReason {
    /** The chosen model has the best estimate (ties go to the cheaper model). */
    TOP_SCORE,
    /** A cheaper model has a lower estimate than the best, but the cost preference trades the difference for cost. */
    CHEAPER_WITHIN_PREFERENCE,
    /** A positive cost preference asked for a margin the cheaper model did not reach, so a costlier one won. */
    PREMIUM_OVER_PREFERENCE,
    /** Only one model was eligible. */
    ONLY_CANDIDATE,
    /** The query carries no tag the table knows: the rule decided on the models' overall accept rates. */
    NO_KNOWN_TAG,
    /** Exploration is on and drew another model than the rule's choice, with the logged probability. */
    EXPLORATION,
    /** The request named a model of the pool instead of asking to route: that model is passed through. */
    PASS_THROUGH,
    /** The caller pinned the conversation to the model of its previous turn. */
    PINNED,
    /** The turn continues a tool loop, so it stays on the model that made the tool call (and holds its cache). */
    TOOL_LOOP
}
