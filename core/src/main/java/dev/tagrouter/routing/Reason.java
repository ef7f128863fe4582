package dev.tagrouter.routing;

/** Why a model was chosen: a machine-readable code and a sentence. */
public record Reason(DecisionReason code, String message) {
}
