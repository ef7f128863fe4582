package dev.tagrouter.cost;

/** Counts the tokens a model would be billed for in a text. */
@FunctionalInterface
public interface TokenCounter {
    int count(String text);

    /**
     * The counter of a tiktoken encoding by name ({@code cl100k_base}, {@code o200k_base}).
     *
     * @throws IllegalArgumentException for a name tagrouter does not have, naming the ones it has
     */
    static TokenCounter forEncoding(String encodingName) {
        return TokenEncoding.named(encodingName).orElseThrow(() -> new IllegalArgumentException(
                "unknown token encoding '" + encodingName + "': expected one of " + TokenEncoding.names())).counter();
    }
}
