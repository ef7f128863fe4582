package dev.tagrouter.http;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The provider-native decision endpoints on the bundled table and model catalog, fed bodies shaped like each
 * provider's documented examples: the query and context they are read as, the ranked list and its order, the
 * response headers, capability filtering, pass-through, rewrite mode, stickiness and bad headers.
 */
@QuarkusTest
class GatewayEndpointsTest {

    private static final String GEMMA = "FuseChat-Gemma-2-9B-Instruct";
    private static final String LLAMA = "FuseChat-Llama-3.1-8B-Instruct";
    private static final String QWEN = "FuseChat-Qwen-2.5-7B-Instruct";

    @Test
    void chatCompletionsWithAToolLoopRoutesTheLastUserTextAmongToolCallingModels() {
        Response answer = post("/v1/route/chat/completions", body("openai-chat-tools.json"), Map.of());
        answer.then().statusCode(200)
                .body("unfitModels.model", equalTo(List.of(GEMMA)))
                .body("unfitModels[0].code", equalTo("NEEDS_TOOLS"))
                .body("models.model", not(hasItem(GEMMA)))
                .body("models", hasSize(2));
        JsonPath decision = answer.jsonPath();
        // The same query and context through /v1/route, with the tool-calling models as candidates, decides alike.
        String query = "What is the weather like in Boston today? I need to decide whether to bring an umbrella.";
        JsonPath direct = given().contentType(ContentType.JSON).body(Map.of("query", query,
                        "candidates", List.of(LLAMA, QWEN)))
                .post("/v1/route").then().statusCode(200).extract().jsonPath();
        assertEquals(direct.getString("model"), decision.getString("model"));
        assertEquals(direct.getList("tags.tag"), decision.getList("tags.tag"));
        assertTrue(decision.getInt("inputTokens") > direct.getInt("inputTokens") + 50,
                "system text, the tool call, its result and the tool definition are input tokens");
        assertHeadersMatch(answer);
        assertRankedByUtility(decision);
    }

    @Test
    void theRankedListIsAlsoOnTheRouteAnswerAndFollowsTheRule() {
        JsonPath decision = given().contentType(ContentType.JSON)
                .body("{\"query\": \"Write a haiku about autumn leaves.\", \"costPreference\": \"balanced\"}")
                .post("/v1/route").then().statusCode(200)
                .body("models", hasSize(3))
                .body("unfitModels", hasSize(0))
                .extract().jsonPath();
        assertEquals(decision.getString("model"), decision.getString("models[0].model"));
        assertRankedByUtility(decision);
    }

    @Test
    void anthropicMessagesWithSystemBlocksToolUseAndToolResult() {
        Response answer = post("/v1/route/messages", body("anthropic-messages-tools.json"), Map.of());
        answer.then().statusCode(200)
                .body("tags.tag", hasItem("python"))
                .body("unfitModels[0].code", equalTo("NEEDS_TOOLS"))
                .body("models.model", not(hasItem(GEMMA)))
                // max_tokens 1024 bounds the expected answer length
                .body("expectedOutputTokens", org.hamcrest.Matchers.lessThanOrEqualTo(1024));
        assertHeadersMatch(answer);
        assertRankedByUtility(answer.jsonPath());
    }

    @Test
    void responsesWithInputItemsToolsAndAJsonSchema() {
        Response answer = post("/v1/route/responses", body("openai-responses-items.json"), Map.of());
        answer.then().statusCode(200)
                .body("tags.tag", hasItem("sql"))
                .body("unfitModels.code", equalTo(List.of("NEEDS_TOOLS")))
                .body("expectedOutputTokens", org.hamcrest.Matchers.lessThanOrEqualTo(500));
        assertHeadersMatch(answer);
    }

    @Test
    void aJsonSchemaAnswerWithAnOutputCap() {
        post("/v1/route/chat/completions", body("openai-chat-json-schema.json"), Map.of())
                .then().statusCode(200)
                .body("tags.tag", hasItem("math"))
                .body("expectedOutputTokens", org.hamcrest.Matchers.lessThanOrEqualTo(200))
                .body("models", hasSize(3));
    }

    @ParameterizedTest
    @ValueSource(strings = {"chat/completions:openai-chat-vision.json:NEEDS_VISION",
            "messages:anthropic-messages-image.json:NEEDS_VISION",
            "responses:openai-responses-file.json:NEEDS_FILES"})
    void aRequestNoModelOfThePoolCanTakeIs422NamingTheRequirement(String spec) {
        String[] parts = spec.split(":");
        post("/v1/route/" + parts[0], body(parts[1]), Map.of())
                .then().statusCode(422)
                .body("code", equalTo("NO_ELIGIBLE_MODEL"))
                .body("message", containsString(parts[2]));
    }

    @Test
    void aConversationLongerThanAContextWindowDropsThatModel() {
        StringBuilder turns = new StringBuilder();
        String paragraph = "The quarterly report covers revenue, churn, hiring and the roadmap for the next release."
                + " Each team wrote a summary of its goals, risks and open questions for the planning meeting. ";
        for (int i = 0; i < 30; i++) {
            turns.append("{\"role\": \"").append(i % 2 == 0 ? "user" : "assistant").append("\", \"content\": \"")
                    .append(paragraph.repeat(15)).append("\"},");
        }
        String chat = "{\"model\": \"auto\", \"messages\": [" + turns
                + "{\"role\": \"user\", \"content\": \"Summarise the discussion in three bullet points.\"}]}";
        post("/v1/route/chat/completions", chat, Map.of()).then().statusCode(200)
                .body("inputTokens", greaterThan(8192))
                .body("unfitModels.model", equalTo(List.of(GEMMA)))
                .body("unfitModels[0].code", equalTo("CONTEXT_TOO_LONG"))
                .body("unfitModels[0].message", containsString("8192"))
                .body("models.model", not(hasItem(GEMMA)));
    }

    @Test
    void aResentConversationIsCountedAsTheFirstTimeAndAnEditedTurnAnew() {
        String paragraph = "Turn %d: the quarterly report covers revenue, churn, hiring and the roadmap for the next"
                + " release, with each team's goals, risks and open questions for the planning meeting.";
        List<String> turns = new java.util.ArrayList<>();
        for (int i = 0; i < 12; i++) {
            turns.add(String.format(paragraph, i));
        }
        int first = inputTokens(turns);
        assertEquals(first, inputTokens(turns), "the same conversation again");
        // Same length, other words: a count kept by anything weaker than the whole text would not change.
        turns.set(5, turns.get(5).replace("revenue", "xqzvbnw"));
        int edited = inputTokens(turns);
        assertTrue(edited > first, "an edited turn is counted anew: " + edited + " vs " + first);
        turns.set(5, turns.get(5).replace("xqzvbnw", "revenue"));
        assertEquals(first, inputTokens(turns), "back to the first text");
    }

    private static int inputTokens(List<String> turns) {
        StringBuilder messages = new StringBuilder();
        for (int i = 0; i < turns.size(); i++) {
            messages.append("{\"role\": \"").append(i % 2 == 0 ? "user" : "assistant").append("\", \"content\": \"")
                    .append(turns.get(i)).append("\"},");
        }
        String chat = "{\"model\": \"auto\", \"messages\": [" + messages
                + "{\"role\": \"user\", \"content\": \"Summarise the discussion in three bullet points.\"}]}";
        return post("/v1/route/chat/completions", chat, Map.of()).then().statusCode(200).extract().path("inputTokens");
    }

    @Test
    void aPoolModelPassesThroughWithTheRankedFallbacksBehindIt() {
        String chat = "{\"model\": \"" + GEMMA + "\", \"messages\": [{\"role\": \"user\", \"content\":"
                + " \"Write a Python function that reverses a string.\"}]}";
        Response answer = post("/v1/route/chat/completions", chat, Map.of());
        answer.then().statusCode(200)
                .body("model", equalTo(GEMMA))
                .body("reason.code", equalTo("PASS_THROUGH"))
                .body("models[0].model", equalTo(GEMMA))
                .body("models", hasSize(3))
                .header("x-tagrouter-reason", "PASS_THROUGH");
        assertHeadersMatch(answer);
    }

    @Test
    void anotherModelIsRefusedAndAnAliasRoutes() {
        String chat = "{\"model\": \"gpt-4o\", \"messages\": [{\"role\": \"user\", \"content\": \"Hello there\"}]}";
        post("/v1/route/chat/completions", chat, Map.of()).then().statusCode(400)
                .body("code", equalTo("UNKNOWN_MODEL"))
                .body("message", containsString("gpt-4o"))
                .body("message", containsString("auto"));
        post("/v1/route/chat/completions", chat.replace("gpt-4o", "AUTO"), Map.of()).then().statusCode(200)
                .body("reason.code", not(equalTo("PASS_THROUGH")));
        post("/v1/route/chat/completions", chat.replace("\"model\": \"gpt-4o\", ", ""), Map.of())
                .then().statusCode(200);
    }

    @Test
    void routerOptionsTravelInHeaders() {
        String chat = "{\"model\": \"auto\", \"messages\": [{\"role\": \"user\", \"content\":"
                + " \"Translate 'good morning' into French.\"}]}";
        post("/v1/route/chat/completions", chat, Map.of("x-tagrouter-cost-preference", "budget",
                "x-tagrouter-candidates", LLAMA + " , " + QWEN, "x-tagrouter-exclude", QWEN,
                "x-session-id", "sess-7", "x-request-id", "req-42"))
                .then().statusCode(200)
                .body("preset", equalTo("budget"))
                .body("model", equalTo(LLAMA))
                .body("reason.code", equalTo("ONLY_CANDIDATE"))
                .body("sessionId", equalTo("sess-7"))
                .body("requestId", equalTo("req-42"))
                .header("x-tagrouter-request-id", "req-42")
                .header("x-tagrouter-fallbacks", "");
        post("/v1/route/chat/completions", chat, Map.of("x-tagrouter-cost-preference", "-0.25",
                "x-tagrouter-max-cost-usd", "1"))
                .then().statusCode(200).body("costPreference", equalTo(-0.25f));
        post("/v1/route/chat/completions", chat, Map.of("x-tagrouter-max-cost-usd", "0"))
                .then().statusCode(422).body("code", equalTo("NO_ELIGIBLE_MODEL"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"x-tagrouter-cost-preference:frugal:INVALID_COST_PREFERENCE",
            "x-tagrouter-cost-preference:NaN:INVALID_COST_PREFERENCE",
            "x-tagrouter-max-cost-usd:cheap:INVALID_MAX_COST", "x-tagrouter-max-cost-usd:-1:INVALID_MAX_COST",
            "x-tagrouter-candidates:gpt-4o:UNKNOWN_MODEL", "x-tagrouter-exclude:nobody:UNKNOWN_MODEL",
            "x-tagrouter-pin:maybe:INVALID_FIELD", "x-tagrouter-previous-model:gpt-4o:UNKNOWN_MODEL"})
    void badHeaderValuesAreJson400s(String spec) {
        String[] parts = spec.split(":");
        String chat = "{\"model\": \"auto\", \"messages\": [{\"role\": \"user\", \"content\": \"Hello there\"}]}";
        post("/v1/route/chat/completions", chat, Map.of(parts[0], parts[1])).then().statusCode(400)
                .contentType(ContentType.JSON)
                .body("code", equalTo(parts[2]))
                .body("message", notNullValue());
    }

    @Test
    void rewriteModeAnswersTheBodyWithOnlyTheModelReplaced() throws Exception {
        String original = body("openai-chat-tools.json");
        Response answer = given().contentType(ContentType.JSON).body(original)
                .post("/v1/route/chat/completions?mode=rewrite");
        answer.then().statusCode(200).header("x-tagrouter-model", notNullValue());
        Map<String, Object> rewritten = answer.jsonPath().getMap("");
        Map<String, Object> sent = JsonPath.from(original).getMap("");
        assertEquals(answer.header("x-tagrouter-model"), rewritten.get("model"));
        sent.put("model", rewritten.get("model"));
        assertEquals(sent, rewritten);
        assertEquals(List.copyOf(sent.keySet()), List.copyOf(rewritten.keySet()), "field order is kept");
        given().contentType(ContentType.JSON).body(original).post("/v1/route/chat/completions?mode=replace")
                .then().statusCode(400).body("code", equalTo("INVALID_FIELD"));
    }

    @Test
    void aPinnedConversationAndAToolLoopStayOnThePreviousModel() {
        String chat = "{\"model\": \"auto\", \"messages\": [{\"role\": \"user\", \"content\":"
                + " \"Write a short story about a lighthouse keeper.\"}]}";
        String routed = post("/v1/route/chat/completions", chat, Map.of()).then().statusCode(200)
                .extract().path("model");
        String other = routed.equals(LLAMA) ? QWEN : LLAMA;
        post("/v1/route/chat/completions", chat, Map.of("x-tagrouter-previous-model", other, "x-tagrouter-pin", "true"))
                .then().statusCode(200)
                .body("model", equalTo(other))
                .body("reason.code", equalTo("PINNED"))
                .body("models[1].model", equalTo(routed))
                // served for sure, not drawn by the policy: what the decision log records for it
                .body("probabilities.'" + other + "'", equalTo(1.0f))
                .body("probabilities.'" + routed + "'", equalTo(0.0f));
        // Without the pin a plain turn is routed afresh.
        post("/v1/route/chat/completions", chat, Map.of("x-tagrouter-previous-model", other))
                .then().statusCode(200).body("model", equalTo(routed));

        String toolLoop = body("openai-chat-tools.json");
        String choice = post("/v1/route/chat/completions", toolLoop, Map.of()).then().extract().path("model");
        String previous = choice.equals(LLAMA) ? QWEN : LLAMA;
        post("/v1/route/chat/completions", toolLoop, Map.of("x-tagrouter-previous-model", previous))
                .then().statusCode(200)
                .body("model", equalTo(previous))
                .body("reason.code", equalTo("TOOL_LOOP"))
                .header("x-tagrouter-model", previous)
                .header("x-tagrouter-fallbacks", choice);
        // A previous model that cannot serve the turn (no tool calling) is left.
        post("/v1/route/chat/completions", toolLoop, Map.of("x-tagrouter-previous-model", GEMMA))
                .then().statusCode(200).body("model", equalTo(choice));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/v1/route/chat/completions", "/v1/route/messages", "/v1/route/responses"})
    void malformedBodiesGetTodaysErrors(String path) {
        given().contentType(ContentType.JSON).body("{\"messages\": ").post(path).then().statusCode(400)
                .body("code", equalTo("MALFORMED_JSON"));
        given().contentType(ContentType.JSON).body("").post(path).then().statusCode(400)
                .body("code", equalTo("QUERY_REQUIRED"));
        given().contentType(ContentType.JSON).body("[1]").post(path).then().statusCode(400)
                .body("code", equalTo("INVALID_FIELD"));
        given().contentType(ContentType.JSON).body("{\"model\": 7, \"messages\": [], \"input\": \"hi\"}").post(path)
                .then().statusCode(400).body("code", equalTo("INVALID_FIELD"))
                .body("message", containsString("'model'"));
        given().contentType(ContentType.JSON)
                .body("{\"messages\": [{\"role\": \"user\", \"content\": 5}], \"input\": [{\"role\": \"user\","
                        + " \"content\": 5}]}")
                .post(path).then().statusCode(400).body("code", equalTo("INVALID_FIELD"))
                .body("message", containsString("content"));
        given().contentType(ContentType.JSON)
                .body("{\"messages\": [{\"role\": \"user\", \"content\": \"" + "x".repeat(40_000) + "\"}], \"input\":"
                        + " \"" + "x".repeat(40_000) + "\"}")
                .post(path).then().statusCode(400).body("code", equalTo("QUERY_TOO_LONG"));
    }

    private static void assertHeadersMatch(Response answer) {
        JsonPath decision = answer.jsonPath();
        assertEquals(decision.getString("model"), answer.header("x-tagrouter-model"));
        List<String> models = decision.getList("models.model");
        assertEquals(decision.getString("model"), models.get(0));
        assertEquals(String.join(",", models.subList(1, models.size())), answer.header("x-tagrouter-fallbacks"));
        assertEquals(decision.getString("reason.code"), answer.header("x-tagrouter-reason"));
        assertEquals(decision.getDouble("estimatedCostUsd"),
                Double.parseDouble(answer.header("x-tagrouter-estimated-cost-usd")), 1e-12);
        assertEquals(decision.getString("tableVersion"), answer.header("x-tagrouter-table-version"));
        assertEquals(decision.getString("requestId"), answer.header("x-tagrouter-request-id"));
        assertFalse(answer.header("x-tagrouter-request-id").isBlank());
    }

    // The utility rule's order: estimate + costPreference * cost / costScale, highest first (no exploration here).
    private static void assertRankedByUtility(JsonPath decision) {
        String rule = given().get("/v1/table").then().extract().path("decision.rule");
        assertEquals("utility", rule.toLowerCase(java.util.Locale.ROOT));
        double scale = ((Number) given().get("/v1/table").then().extract().path("decision.costScaleUsd"))
                .doubleValue();
        double knob = decision.getDouble("costPreference");
        List<Map<String, Object>> models = decision.getList("models");
        Map<String, Object> rates = decision.getMap("acceptRates");
        assertEquals(rates.keySet(), models.stream().map(m -> m.get("model")).collect(java.util.stream.Collectors.toSet()));
        double previous = Double.POSITIVE_INFINITY;
        for (Map<String, Object> m : models) {
            double utility = ((Number) rates.get(m.get("model"))).doubleValue()
                    + knob * ((Number) m.get("estimatedCostUsd")).doubleValue() / scale;
            assertTrue(utility <= previous + 1e-9, "ranked by utility: " + models + " " + rates);
            previous = utility;
        }
        assertNotEquals(0, models.size());
    }

    private static Response post(String path, String body, Map<String, String> headers) {
        return given().contentType(ContentType.JSON).headers(headers).body(body).post(path);
    }

    private static String body(String name) {
        return ProviderBodies.read(name);
    }
}
