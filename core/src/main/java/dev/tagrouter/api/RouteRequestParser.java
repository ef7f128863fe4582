package dev.tagrouter.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tagrouter.decision.CostPreference;
import dev.tagrouter.routing.ChatMessage;
import dev.tagrouter.routing.ErrorCode;
import dev.tagrouter.routing.RouteException;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

import dev.tagrouter.routing.RouteRequest;
import dev.tagrouter.tagging.TaggerMode;

/**
 * Turns a JSON request body into a {@link RouteRequest}, with an error that names the field for every wrong type.
 * Every binding (HTTP function, REST, Lambda) parses through here so that all answer bad input alike.
 */
public final class RouteRequestParser {

    private static final Set<String> FIELDS =
            Set.of("query", "messages", "candidates", "exclude", "maxCostUsd", "costPreference", "sessionId",
                    "requestId", "tagger");

    public RouteRequest parse(JsonNode body) {
        if (body == null || body.isNull() || body.isMissingNode()) {
            throw new RouteException(ErrorCode.QUERY_REQUIRED, "The request body is empty; send a JSON object with"
                    + " at least a 'query'.");
        }
        if (!body.isObject()) {
            throw new RouteException(ErrorCode.INVALID_FIELD, "The request body must be a JSON object, got "
                    + kind(body) + ".");
        }
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw new RouteException(ErrorCode.UNKNOWN_FIELD, "Unknown field '" + abbreviate(name)
                        + "'; accepted fields are " + new java.util.TreeSet<>(FIELDS) + ".");
            }
        }
        return new RouteRequest(
                text(body, "query"),
                messages(body.get("messages")),
                names(body, "candidates"),
                names(body, "exclude"),
                number(body, "maxCostUsd"),
                costPreference(body),
                text(body, "sessionId"),
                text(body, "requestId"),
                taggerMode(body));
    }

    private static String text(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw wrongType(field, "a string", node);
        }
        return node.textValue();
    }

    private static TaggerMode taggerMode(JsonNode body) {
        String code = text(body, "tagger");
        if (code == null) {
            return null;
        }
        return TaggerMode.of(code).orElseThrow(() -> new RouteException(ErrorCode.INVALID_FIELD,
                "Field 'tagger' must be one of " + TaggerMode.codes() + ", got '" + abbreviate(code) + "'."));
    }

    private static CostPreference costPreference(JsonNode body) {
        return costPreference("costPreference", body.get("costPreference"));
    }

    /**
     * A preset name or a number, else an error naming {@code field}; a name this table lacks is refused by the
     * router, which knows the table.
     */
    public static CostPreference costPreference(String field, JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isTextual()) {
            String name = node.textValue().strip();
            if (name.isEmpty() || name.length() > 64) {
                throw new RouteException(ErrorCode.INVALID_COST_PREFERENCE, "Field '" + field + "' must be a"
                        + " preset name such as 'quality' or a number.");
            }
            return CostPreference.preset(name.toLowerCase(java.util.Locale.ROOT));
        }
        if (!node.isNumber()) {
            throw wrongType(field, "a preset name or a number", node);
        }
        double value = node.doubleValue();
        if (!Double.isFinite(value) || Math.abs(value) > CostPreference.MAX_ABS) {
            throw new RouteException(ErrorCode.INVALID_COST_PREFERENCE, "Field '" + field + "' must be a finite"
                    + " number within +-" + CostPreference.MAX_ABS + ", got " + value + ".");
        }
        return CostPreference.of(value);
    }

    private static Double number(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isNumber()) {
            throw wrongType(field, "a number", node);
        }
        return node.doubleValue();
    }

    private static List<String> names(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isArray()) {
            throw wrongType(field, "an array of model names", node);
        }
        List<String> names = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            JsonNode item = node.get(i);
            if (!item.isTextual()) {
                throw wrongType(field + "[" + i + "]", "a string", item);
            }
            names.add(item.textValue());
        }
        return names;
    }

    private static List<ChatMessage> messages(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isArray()) {
            throw wrongType("messages", "an array of {role, content} objects", node);
        }
        List<ChatMessage> messages = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            JsonNode item = node.get(i);
            String field = "messages[" + i + "]";
            if (!item.isObject()) {
                throw wrongType(field, "an object with 'role' and 'content'", item);
            }
            JsonNode content = item.get("content");
            if (content == null || !content.isTextual()) {
                throw wrongType(field + ".content", "a string", content);
            }
            JsonNode role = item.get("role");
            if (role != null && !role.isNull() && !role.isTextual()) {
                throw wrongType(field + ".role", "a string", role);
            }
            messages.add(new ChatMessage(role == null || role.isNull() ? null : role.textValue(), content.textValue()));
        }
        return messages;
    }

    /** The INVALID_FIELD error for a value of the wrong type, naming the field, what it must be and what it was. */
    public static RouteException wrongType(String field, String expected, JsonNode actual) {
        return new RouteException(ErrorCode.INVALID_FIELD, "Field '" + field + "' must be " + expected + ", got "
                + kind(actual) + ".");
    }

    static String kind(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        return switch (node.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT, POJO -> "an object";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            default -> "an unsupported value";
        };
    }

    static String abbreviate(String name) {
        return name.length() <= 64 ? name : name.substring(0, 64) + "...";
    }
}
