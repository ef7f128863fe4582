package dev.tagrouter.tablebuilding;

/** A training prompt of a preference dataset. */
public record Prompt(String id, String text) {
}
