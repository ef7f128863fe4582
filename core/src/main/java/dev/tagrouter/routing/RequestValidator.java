package dev.tagrouter.routing;

import java.util.List;

/** Rejects requests that are empty, oversized or out of range, before any work is done on them. */
final class RequestValidator {

    private final RouterSettings settings;

    RequestValidator(RouterSettings settings) {
        this.settings = settings;
    }

    void validate(RouteRequest request) {
        RequestLimits limits = settings.limits();
        String query = request.query();
        if (query == null || query.isBlank()) {
            throw new RouteException(ErrorCode.QUERY_REQUIRED, "Field 'query' is required and must not be blank.");
        }
        if (query.length() > limits.maxQueryChars()) {
            throw new RouteException(ErrorCode.QUERY_TOO_LONG, "Field 'query' has " + query.length()
                    + " characters; the limit is " + limits.maxQueryChars() + ".");
        }
        if (request.messages().size() > limits.maxMessages()) {
            throw new RouteException(ErrorCode.INPUT_TOO_LARGE, "Field 'messages' has " + request.messages().size()
                    + " entries; the limit is " + limits.maxMessages() + ".");
        }
        long total = query.length();
        for (int i = 0; i < request.messages().size(); i++) {
            ChatMessage m = request.messages().get(i);
            if (m == null || m.content() == null) {
                throw new RouteException(ErrorCode.INVALID_FIELD, "messages[" + i + "] must be an object with a"
                        + " string 'content'.");
            }
            requireName("messages[" + i + "].role", m.role());
            total += m.content().length();
        }
        if (total > limits.maxTotalChars()) {
            throw new RouteException(ErrorCode.INPUT_TOO_LARGE, "The query and messages have " + total
                    + " characters together; the limit is " + limits.maxTotalChars() + ".");
        }
        requireModels("candidates", request.candidates());
        requireModels("exclude", request.exclude());
        requireName("sessionId", request.sessionId());
        requireName("requestId", request.requestId());
        Double maxCost = request.maxCostUsd();
        if (maxCost != null && (!Double.isFinite(maxCost) || maxCost < 0)) {
            throw new RouteException(ErrorCode.INVALID_MAX_COST, "Field 'maxCostUsd' must be a finite number >= 0,"
                    + " got " + maxCost + ".");
        }
    }

    private void requireModels(String field, List<String> models) {
        if (models.size() > settings.limits().maxModels()) {
            throw new RouteException(ErrorCode.INPUT_TOO_LARGE, "Field '" + field + "' has " + models.size()
                    + " entries; the limit is " + settings.limits().maxModels() + ".");
        }
        for (int i = 0; i < models.size(); i++) {
            if (models.get(i) == null) {
                throw new RouteException(ErrorCode.INVALID_FIELD, field + "[" + i + "] must be a model name.");
            }
            requireName(field + "[" + i + "]", models.get(i));
        }
    }

    private void requireName(String field, String value) {
        if (value != null && value.length() > settings.limits().maxNameChars()) {
            throw new RouteException(ErrorCode.INPUT_TOO_LARGE, "Field '" + field + "' has " + value.length()
                    + " characters; the limit is " + settings.limits().maxNameChars() + ".");
        }
    }
}
