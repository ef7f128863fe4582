package dev.tagrouter.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tagrouter.api.RouteRequestParser;
import dev.tagrouter.routing.ErrorCode;
import dev.tagrouter.routing.RouteException;

/**
 * Typed reads of a provider body's fields that refuse only malformed values (a wrong type), never a field the
 * provider accepts.
 */
final class BodyFields {

    private BodyFields() {
    }

    static JsonNode object(JsonNode body) {
        if (body == null || body.isNull() || body.isMissingNode()) {
            throw new RouteException(ErrorCode.QUERY_REQUIRED, "The request body is empty; send the provider's"
                    + " request body as a JSON object.");
        }
        if (!body.isObject()) {
            throw RouteRequestParser.wrongType("(body)", "a JSON object", body);
        }
        return body;
    }

    /**
     * A string field, null when absent or null.
     *
     * @param parent the path of {@code node} in the body, null for the body itself; a refusal names
     *               {@code parent.field}, built only then (a body of many turns would build one per field read)
     */
    static String text(JsonNode node, String field, String parent) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw RouteRequestParser.wrongType(path(parent, field), "a string", value);
        }
        return value.textValue();
    }

    /** The path of a field of the value at {@code parent} (null: the body), as refusals name it. */
    static String path(String parent, String field) {
        return parent == null ? field : parent + "." + field;
    }

    /** A non-negative whole number of tokens, null when absent or null. */
    static Integer tokens(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < 0) {
            if (value.isNumber()) {
                throw new RouteException(ErrorCode.INVALID_FIELD, "Field '" + field + "' must be a whole number"
                        + " >= 0.");
            }
            throw RouteRequestParser.wrongType(field, "a whole number", value);
        }
        return value.intValue();
    }

    /** An array field, null when absent or null; {@code parent} as for {@link #text}. */
    static JsonNode array(JsonNode node, String field, String parent) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isArray()) {
            throw RouteRequestParser.wrongType(path(parent, field), "an array", value);
        }
        return value;
    }

    static boolean nonEmptyArray(JsonNode node, String field) {
        JsonNode value = array(node, field, null);
        return value != null && !value.isEmpty();
    }

    static JsonNode element(JsonNode array, int i, String path) {
        JsonNode item = array.get(i);
        if (!item.isObject()) {
            throw RouteRequestParser.wrongType(path, "an object", item);
        }
        return item;
    }

    /** The text of a JSON value as the model would read it: a string as is, anything else as compact JSON. */
    static String asText(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return null;
        }
        return value.isTextual() ? value.textValue() : value.toString();
    }

    /** Whether {@code node.field.type} (or {@code node.field.format.type} for nested formats) says json_schema. */
    static boolean typeIs(JsonNode node, String type) {
        return node != null && node.isObject() && type.equals(node.path("type").asText(null));
    }
}
