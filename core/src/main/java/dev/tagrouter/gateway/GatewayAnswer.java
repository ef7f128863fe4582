package dev.tagrouter.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tagrouter.routing.RankedModel;
import dev.tagrouter.routing.RouteDecision;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** What a gateway acts on: the decision's facts as response headers, and the provider body with the model replaced. */
public final class GatewayAnswer {

    public static final String MODEL = "x-tagrouter-model";
    public static final String FALLBACKS = "x-tagrouter-fallbacks";
    public static final String REASON = "x-tagrouter-reason";
    public static final String ESTIMATED_COST_USD = "x-tagrouter-estimated-cost-usd";
    public static final String TABLE_VERSION = "x-tagrouter-table-version";
    public static final String REQUEST_ID = "x-tagrouter-request-id";

    private GatewayAnswer() {
    }

    /** The response headers of a decision, in a fixed order. */
    public static Map<String, String> headers(RouteDecision decision) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(MODEL, decision.model());
        headers.put(FALLBACKS, decision.models().stream().skip(1).map(RankedModel::model)
                .collect(Collectors.joining(",")));
        headers.put(REASON, decision.reason().code().name());
        headers.put(ESTIMATED_COST_USD, BigDecimal.valueOf(decision.estimatedCostUsd()).toPlainString());
        headers.put(TABLE_VERSION, decision.tableVersion());
        headers.put(REQUEST_ID, decision.requestId());
        return headers;
    }

    /** The caller's body unchanged but for {@code model}, which names the chosen model (added if absent). */
    public static JsonNode rewrite(JsonNode body, RouteDecision decision) {
        ObjectNode copy = ((ObjectNode) body).deepCopy();
        copy.put("model", decision.model());
        return copy;
    }
}
