package dev.tagrouter.gateway;

import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.tagrouter.api.RouteRequestParser;
import dev.tagrouter.decision.CostPreference;
import dev.tagrouter.routing.ErrorCode;
import dev.tagrouter.routing.RouteException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * The router options a gateway sends in headers, so that the provider body travels untouched.
 *
 * @param costPreference {@code x-tagrouter-cost-preference}: a preset name or a number
 * @param maxCostUsd     {@code x-tagrouter-max-cost-usd}
 * @param candidates     {@code x-tagrouter-candidates}: comma-separated model names
 * @param exclude        {@code x-tagrouter-exclude}: comma-separated model names
 * @param sessionId      {@code x-session-id}
 * @param requestId      {@code x-request-id}
 * @param previousModel  {@code x-tagrouter-previous-model}: the model that answered the previous turn
 * @param pin            {@code x-tagrouter-pin}: keep the conversation on the previous model
 */
public record RouterHeaders(CostPreference costPreference, Double maxCostUsd, List<String> candidates,
                            List<String> exclude, String sessionId, String requestId, String previousModel,
                            boolean pin) {

    public static final String COST_PREFERENCE = "x-tagrouter-cost-preference";
    public static final String MAX_COST_USD = "x-tagrouter-max-cost-usd";
    public static final String CANDIDATES = "x-tagrouter-candidates";
    public static final String EXCLUDE = "x-tagrouter-exclude";
    public static final String SESSION_ID = "x-session-id";
    public static final String REQUEST_ID = "x-request-id";
    public static final String PREVIOUS_MODEL = "x-tagrouter-previous-model";
    public static final String PIN = "x-tagrouter-pin";

    public static final RouterHeaders NONE = new RouterHeaders(null, null, List.of(), List.of(), null, null, null,
            false);

    /** Reads the options from a header lookup that ignores case and answers null for an absent header. */
    public static RouterHeaders read(UnaryOperator<String> header) {
        return new RouterHeaders(costPreference(header.apply(COST_PREFERENCE)), maxCost(header.apply(MAX_COST_USD)),
                list(header.apply(CANDIDATES)), list(header.apply(EXCLUDE)), blankAsNull(header.apply(SESSION_ID)),
                blankAsNull(header.apply(REQUEST_ID)), blankAsNull(header.apply(PREVIOUS_MODEL)),
                pin(header.apply(PIN)));
    }

    private static CostPreference costPreference(String value) {
        if (value == null) {
            return null;
        }
        String text = value.strip();
        try {
            return RouteRequestParser.costPreference(COST_PREFERENCE, new DoubleNode(Double.parseDouble(text)));
        } catch (NumberFormatException notANumber) {
            return RouteRequestParser.costPreference(COST_PREFERENCE, new TextNode(text));
        }
    }

    private static Double maxCost(String value) {
        if (value == null) {
            return null;
        }
        try {
            return Double.parseDouble(value.strip());
        } catch (NumberFormatException e) {
            throw new RouteException(ErrorCode.INVALID_MAX_COST, "Header '" + MAX_COST_USD + "' must be a number"
                    + " of USD >= 0.");
        }
    }

    private static List<String> list(String value) {
        List<String> names = new ArrayList<>();
        if (value != null) {
            for (String name : value.split(",", -1)) {
                if (!name.isBlank()) {
                    names.add(name.strip());
                }
            }
        }
        return names;
    }

    private static boolean pin(String value) {
        if (value == null || value.isBlank()) {
            return false;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            default -> throw new RouteException(ErrorCode.INVALID_FIELD, "Header '" + PIN + "' must be 'true' or"
                    + " 'false'.");
        };
    }

    private static String blankAsNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
