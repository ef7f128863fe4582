package dev.tagrouter.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tagrouter.decision.CostPreference;
import dev.tagrouter.routing.ChatMessage;
import dev.tagrouter.routing.ErrorCode;
import dev.tagrouter.routing.RouteException;
import dev.tagrouter.routing.RouteRequest;
import dev.tagrouter.tagging.TaggerMode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RouteRequestParserTest {

    private final ObjectMapper json = new ObjectMapper();
    private final RouteRequestParser parser = new RouteRequestParser();

    @Test
    void readsEveryField() throws Exception {
        RouteRequest r = parse("""
                {"query": "hi", "messages": [{"role": "user", "content": "before"}], "candidates": ["a"],
                 "exclude": ["b"], "maxCostUsd": 0.01, "costPreference": -2, "sessionId": "s", "requestId": "r-1",
                 "tagger": "hybrid"}""");
        assertEquals(new RouteRequest("hi", List.of(new ChatMessage("user", "before")), List.of("a"), List.of("b"),
                0.01, CostPreference.of(-2), "s", "r-1", TaggerMode.HYBRID), r);
    }

    @Test
    void namesTheFieldOfEveryWrongType() {
        assertError(ErrorCode.INVALID_FIELD, "Field 'query' must be a string, got a number.", "{\"query\": 12}");
        assertError(ErrorCode.INVALID_FIELD, "Field 'maxCostUsd' must be a number, got a string.",
                "{\"query\": \"q\", \"maxCostUsd\": \"0.1\"}");
        assertError(ErrorCode.INVALID_FIELD, "Field 'candidates[1]' must be a string, got a boolean.",
                "{\"query\": \"q\", \"candidates\": [\"a\", true]}");
        assertError(ErrorCode.INVALID_FIELD, "Field 'messages[0].content' must be a string, got nothing.",
                "{\"query\": \"q\", \"messages\": [{\"role\": \"user\"}]}");
        assertError(ErrorCode.INVALID_FIELD, "The request body must be a JSON object, got an array.", "[1]");
        assertError(ErrorCode.INVALID_FIELD, "Field 'tagger' must be one of [rules, remote, hybrid], got 'gpt'.",
                "{\"query\": \"hi\", \"tagger\": \"gpt\"}");
        assertError(ErrorCode.UNKNOWN_FIELD, "Unknown field 'maxCost'; accepted fields are [candidates,"
                + " costPreference, exclude, maxCostUsd, messages, query, requestId, sessionId, tagger].", "{\"query\": \"q\", \"maxCost\": 1}");
        assertError(ErrorCode.QUERY_REQUIRED, "The request body is empty; send a JSON object with at least a 'query'.",
                "null");
    }

    @Test
    void aCostPreferenceIsAPresetNameOrANumber() throws Exception {
        assertEquals(CostPreference.preset("quality"),
                parse("{\"query\": \"q\", \"costPreference\": \" Quality \"}").costPreference(),
                "names are trimmed and lower-cased; the router checks them against the table");
        assertEquals(CostPreference.of(0.25), parse("{\"query\": \"q\", \"costPreference\": 0.25}").costPreference());
        assertEquals(null, parse("{\"query\": \"q\", \"costPreference\": null}").costPreference());
        assertError(ErrorCode.INVALID_COST_PREFERENCE, "Field 'costPreference' must be a preset name such as 'quality'"
                + " or a number.", "{\"query\": \"q\", \"costPreference\": \"  \"}");
        assertError(ErrorCode.INVALID_COST_PREFERENCE, "Field 'costPreference' must be a preset name such as 'quality'"
                + " or a number.", "{\"query\": \"q\", \"costPreference\": \"" + "x".repeat(65) + "\"}");
        assertError(ErrorCode.INVALID_FIELD, "Field 'costPreference' must be a preset name or a number, got a boolean.",
                "{\"query\": \"q\", \"costPreference\": true}");
        assertError(ErrorCode.INVALID_COST_PREFERENCE, "Field 'costPreference' must be a finite number within"
                + " +-1000000.0, got Infinity.", "{\"query\": \"q\", \"costPreference\": 1e999}");
        assertError(ErrorCode.INVALID_COST_PREFERENCE, "Field 'costPreference' must be a finite number within"
                + " +-1000000.0, got -2000000.0.", "{\"query\": \"q\", \"costPreference\": -2e6}");
    }

    @Test
    void hugeExponentsBecomeInfinityForTheValidatorToRefuse() throws Exception {
        assertEquals(Double.POSITIVE_INFINITY, parse("{\"query\": \"q\", \"maxCostUsd\": 1e999}").maxCostUsd());
    }

    private RouteRequest parse(String body) throws Exception {
        return parser.parse(json.readTree(body));
    }

    private void assertError(ErrorCode code, String message, String body) {
        RouteException e = assertThrows(RouteException.class, () -> parse(body));
        assertEquals(code, e.code());
        assertEquals(message, e.sentence());
    }
}
