package dev.tagrouter.routing;

/**
 * Size limits on every part of a routing request.
 *
 * @param maxQueryChars   longest accepted query, in UTF-16 chars
 * @param maxMessages     most earlier messages accepted
 * @param maxTotalChars   longest accepted query plus messages
 * @param maxModels       most entries in {@code candidates} or {@code exclude}
 * @param maxNameChars    longest accepted model name, role or session id
 */
public record RequestLimits(int maxQueryChars, int maxMessages, int maxTotalChars, int maxModels, int maxNameChars) {

    public static final RequestLimits DEFAULTS = new RequestLimits(32_768, 100, 262_144, 64, 256);

    public RequestLimits {
        requirePositive("maxQueryChars", maxQueryChars);
        requirePositive("maxMessages", maxMessages);
        requirePositive("maxTotalChars", maxTotalChars);
        requirePositive("maxModels", maxModels);
        requirePositive("maxNameChars", maxNameChars);
        if (maxTotalChars < maxQueryChars) {
            throw new IllegalArgumentException("maxTotalChars (" + maxTotalChars + ") must be >= maxQueryChars ("
                    + maxQueryChars + ")");
        }
    }

    private static void requirePositive(String field, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(field + " must be > 0, got " + value);
        }
    }
}
