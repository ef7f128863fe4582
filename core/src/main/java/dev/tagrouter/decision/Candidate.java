package dev.tagrouter.decision;

/**
 * A model that may answer this query: its value for the query (estimated accept rate, or the paper's summed score)
 * and its estimated cost for this query.
 */
public record Candidate(String model, double score, double costUsd) {
}
