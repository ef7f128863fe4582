package dev.tagrouter.cost;

/** Counts the tokens a model would be billed for in a text. */
@FunctionalInterface
public interface TokenCounter {
    int count(String text);
}
