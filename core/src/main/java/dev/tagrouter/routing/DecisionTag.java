package dev.tagrouter.routing;

/**
 * A tag of the routed query, as shown in a decision.
 *
 * @param tag    canonical tag
 * @param match  the raw text or signal that produced it
 * @param known  whether the routing table has outcomes for it (unknown tags do not move the scores)
 * @param turn   the user turn it came from: 0 for the routed (last) turn, 1 for the user turn before it, and so on
 * @param weight how much it counts in the scores: 1 for the routed turn's tags, less for an earlier turn's
 *               ({@link RecentTurnTags#weight})
 */
public record DecisionTag(String tag, String match, boolean known, int turn, double weight) {

    /** A tag of the routed turn itself, at full weight. */
    public DecisionTag(String tag, String match, boolean known) {
        this(tag, match, known, 0, 1);
    }
}
