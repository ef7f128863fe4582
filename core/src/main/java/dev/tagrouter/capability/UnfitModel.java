package dev.tagrouter.capability;

/** A model of the pool removed before deciding because it cannot serve the request, with the requirement it misses. */
public record UnfitModel(String model, Unfitness code, String message) {
}
