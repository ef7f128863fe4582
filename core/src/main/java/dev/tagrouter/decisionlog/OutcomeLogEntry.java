package dev.tagrouter.decisionlog;

/**
 * One line of the outcome log: what happened after a decision, joined to it by {@code requestId}. Never carries the
 * user's text.
 *
 * @param requestId the decision's request id
 * @param timestamp when the outcome was recorded (ISO-8601, UTC), or null in files written by hand
 * @param accepted  whether the user accepted the answer; null when a {@code score} is given instead
 * @param score     a graded outcome in [0, 1]; null when {@code accepted} is given
 * @param costUsd   what the call really cost, or null
 * @param latencyMs how long the call took, or null
 */
public record OutcomeLogEntry(String requestId, String timestamp, Boolean accepted, Double score, Double costUsd,
                              Double latencyMs) {

    /** The reward off-policy evaluation and table building use: 1 or 0 for accepted, else the score; NaN if none. */
    public double reward() {
        if (accepted != null) {
            return accepted ? 1 : 0;
        }
        return score == null ? Double.NaN : score;
    }
}
