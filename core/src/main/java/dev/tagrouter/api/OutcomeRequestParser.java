package dev.tagrouter.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tagrouter.decisionlog.OutcomeLogEntry;
import dev.tagrouter.routing.ErrorCode;
import dev.tagrouter.routing.RouteException;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Turns a {@code POST /v1/outcomes} body (one outcome object or an array of them) into outcome log entries, with an
 * error that names the item and the field for every wrong value. An outcome has a {@code requestId} and exactly one
 * of {@code accepted} (a boolean) or {@code score} (a number in [0, 1]); {@code costUsd} and {@code latencyMs} are
 * optional numbers >= 0. Nothing else is accepted, so no prompt text can ride along.
 */
public final class OutcomeRequestParser {

    private static final Set<String> FIELDS = Set.of("requestId", "accepted", "score", "costUsd", "latencyMs");
    /** Longest accepted request id, in UTF-16 chars. */
    public static final int MAX_REQUEST_ID_CHARS = 256;

    private final int maxBatch;

    /** @param maxBatch most outcomes in one body */
    public OutcomeRequestParser(int maxBatch) {
        if (maxBatch < 1) {
            throw new IllegalArgumentException("maxBatch must be >= 1, got " + maxBatch);
        }
        this.maxBatch = maxBatch;
    }

    /** The outcomes of the body, timestamped {@code timestamp}. */
    public List<OutcomeLogEntry> parse(JsonNode body, String timestamp) {
        if (body == null || body.isNull() || body.isMissingNode()) {
            throw new RouteException(ErrorCode.INVALID_FIELD, "The request body is empty; send an outcome"
                    + " {\"requestId\", \"accepted\" or \"score\"} or an array of them.");
        }
        if (body.isArray()) {
            if (body.isEmpty()) {
                throw new RouteException(ErrorCode.INVALID_FIELD, "The array of outcomes is empty.");
            }
            if (body.size() > maxBatch) {
                throw new RouteException(ErrorCode.INPUT_TOO_LARGE, "At most " + maxBatch + " outcomes per request,"
                        + " got " + body.size() + ".");
            }
            List<OutcomeLogEntry> all = new ArrayList<>(body.size());
            for (int i = 0; i < body.size(); i++) {
                all.add(outcome(body.get(i), "[" + i + "].", timestamp));
            }
            return all;
        }
        return List.of(outcome(body, "", timestamp));
    }

    private static OutcomeLogEntry outcome(JsonNode node, String at, String timestamp) {
        if (!node.isObject()) {
            throw new RouteException(ErrorCode.INVALID_FIELD, (at.isEmpty() ? "The request body" : "Item "
                    + at.substring(0, at.length() - 1)) + " must be a JSON object, got " + RouteRequestParser.kind(node)
                    + ".");
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw new RouteException(ErrorCode.UNKNOWN_FIELD, "Unknown field '" + at
                        + RouteRequestParser.abbreviate(name) + "'; accepted fields are "
                        + new java.util.TreeSet<>(FIELDS) + ".");
            }
        }
        JsonNode id = node.get("requestId");
        if (id == null || id.isNull() || !id.isTextual() || id.textValue().isBlank()) {
            throw new RouteException(ErrorCode.INVALID_FIELD, "Field '" + at + "requestId' must be the request id"
                    + " of a routed request (a non-empty string), got " + RouteRequestParser.kind(id) + ".");
        }
        if (id.textValue().length() > MAX_REQUEST_ID_CHARS) {
            throw new RouteException(ErrorCode.INPUT_TOO_LARGE, "Field '" + at + "requestId' is longer than "
                    + MAX_REQUEST_ID_CHARS + " characters.");
        }
        JsonNode accepted = present(node.get("accepted"));
        Double score = number(node, "score", at, 1.0);
        if ((accepted == null) == (score == null)) {
            throw new RouteException(ErrorCode.INVALID_FIELD, "Give exactly one of '" + at + "accepted' (true or"
                    + " false) and '" + at + "score' (a number in [0, 1]).");
        }
        if (accepted != null && !accepted.isBoolean()) {
            throw new RouteException(ErrorCode.INVALID_FIELD, "Field '" + at + "accepted' must be true or false, got "
                    + RouteRequestParser.kind(accepted) + ".");
        }
        return new OutcomeLogEntry(id.textValue(), timestamp, accepted == null ? null : accepted.booleanValue(), score,
                number(node, "costUsd", at, Double.MAX_VALUE), number(node, "latencyMs", at, Double.MAX_VALUE));
    }

    private static JsonNode present(JsonNode node) {
        return node == null || node.isNull() ? null : node;
    }

    private static Double number(JsonNode node, String field, String at, double max) {
        JsonNode value = present(node.get(field));
        if (value == null) {
            return null;
        }
        if (!value.isNumber()) {
            throw new RouteException(ErrorCode.INVALID_FIELD, "Field '" + at + field + "' must be a number, got "
                    + RouteRequestParser.kind(value) + ".");
        }
        double v = value.doubleValue();
        if (!Double.isFinite(v) || v < 0 || v > max) {
            throw new RouteException(ErrorCode.INVALID_FIELD, "Field '" + at + field + "' must be a finite number"
                    + (max == 1.0 ? " in [0, 1]" : " >= 0") + ", got " + v + ".");
        }
        return v;
    }
}
