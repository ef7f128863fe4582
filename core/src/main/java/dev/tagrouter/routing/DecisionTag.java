package dev.tagrouter.routing;

/**
 * A tag of the routed query, as shown in a decision.
 *
 * @param tag   canonical tag
 * @param match the raw text or signal that produced it
 * @param known whether the routing table has outcomes for it (unknown tags do not move the scores)
 */
public record DecisionTag(String tag, String match, boolean known) {
}
