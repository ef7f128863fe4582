package dev.tagrouter.decision;

/** The chosen candidate, the top-scoring one, and why the rule chose as it did. */
public record Choice(Candidate chosen, Candidate topScoring, DecisionReason reason) {
}
