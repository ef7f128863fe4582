package dev.tagrouter.bench;

/** Benchmark inputs: typical chat queries of a few kinds and lengths. */
final class Queries {

    private Queries() {
    }

    static String of(String kind) {
        return switch (kind) {
            case "chat" -> "My sister and her friends want me to play kickball with them. Can you explain the rules so"
                    + " they don't take advantage of me?";
            case "code" -> "Write a Python function that parses a CSV file, skips the header row and returns the sum"
                    + " of the second column; add type hints and a docstring.";
            case "long" -> ("Summarize the following meeting notes into five bullet points with owners and dates. "
                    + "The team discussed the migration of the billing service to the new cluster, the budget for"
                    + " the next quarter, and the hiring plan for two backend engineers. ").repeat(40);
            case "multilingual" -> "Bonjour ! Peux-tu m'expliquer la différence entre un prêt à taux fixe et un"
                    + " prêt à taux variable ? 我也想知道哪个更适合首次购房者。";
            default -> throw new IllegalArgumentException("unknown query kind " + kind);
        };
    }
}
