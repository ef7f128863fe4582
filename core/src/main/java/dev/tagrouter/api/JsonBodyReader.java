package dev.tagrouter.api;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.tagrouter.routing.ErrorCode;
import dev.tagrouter.routing.RouteException;

/**
 * Reads a request body as one JSON value, strictly: the bytes must be well-formed UTF-8 (no overlong or surrogate
 * encodings, which Jackson's own decoder lets through) and nothing but whitespace may follow the value. Every binding
 * and every body format reads its bytes here.
 */
public final class JsonBodyReader {

    private static final String MALFORMED = "The request body is not valid JSON (or not valid UTF-8).";

    private final ObjectReader reader = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build()
            .reader();

    /** The JSON value of the body, or null for an empty body; anything else is a MALFORMED_JSON refusal. */
    public JsonNode read(byte[] body) {
        if (body.length == 0) {
            return null;
        }
        if (!Utf8.isWellFormed(body)) {
            throw new RouteException(ErrorCode.MALFORMED_JSON, MALFORMED);
        }
        try {
            JsonNode tree = reader.readTree(body);
            return tree == null || tree.isMissingNode() ? null : tree;
        } catch (java.io.IOException e) {
            // The parser's message quotes the body, which is user data: a fixed sentence instead.
            throw new RouteException(ErrorCode.MALFORMED_JSON, MALFORMED);
        }
    }
}
