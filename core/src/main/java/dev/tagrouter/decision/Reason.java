package dev.tagrouter.decision;

/** Why a model was chosen: a machine-readable code and a sentence. */
public record Reason(DecisionReason code, String message) {
}
