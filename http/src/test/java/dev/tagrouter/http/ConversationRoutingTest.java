package dev.tagrouter.http;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Conversation-aware routing on the provider endpoints, with a catalog that knows cached-input prices: the previous
 * model's prompt cache in every estimate of the answer (and so in the decision and the ranked list), and the user's
 * earlier turns tagged below the routed one. The expected costs are computed here from the bundled table's prices
 * and the catalog file, with the formula the README gives.
 */
@QuarkusTest
@TestProfile(CachedPricesProfile.class)
class ConversationRoutingTest {

    private static final String GEMMA = "FuseChat-Gemma-2-9B-Instruct";
    private static final String LLAMA = "FuseChat-Llama-3.1-8B-Instruct";
    private static final String QWEN = "FuseChat-Qwen-2.5-7B-Instruct";

    @Test
    void leavingThePreviousModelCostsItsCacheLossMoreThanStaying() {
        String session = ProviderBodies.read("anthropic-messages-long-session.json");
        Map<String, String> balanced = Map.of("x-tagrouter-cost-preference", "balanced");
        JsonPath fresh = exact(post("/v1/route/messages", session, balanced).then().statusCode(200).extract()
                .asString());
        Response answer = post("/v1/route/messages", session, Map.of("x-tagrouter-cost-preference", "balanced",
                "x-tagrouter-previous-model", QWEN));
        answer.then().statusCode(200)
                .body("promptCache.model", equalTo(QWEN));
        JsonPath turn = exact(answer.asString());

        assertEquals(table().getString("checksum"), given().get("/v1/table").path("checksum"), "the table served");
        int n = turn.getInt("inputTokens");
        int prefix = turn.getInt("promptCache.prefixTokens");
        assertEquals(fresh.getInt("inputTokens"), n);
        assertTrue(prefix > 2000 && prefix < n, "the system block and the three turns before the last answer: "
                + prefix);
        double cached = price(QWEN, "inputUsdPerMTok") * catalogRatio(QWEN);
        assertEquals(cached, turn.getDouble("promptCache.cachedInputUsdPerMTok"), 1e-12);
        double loss = prefix * (price(QWEN, "inputUsdPerMTok") - cached) / 1e6;
        assertEquals(loss, turn.getDouble("promptCache.cacheLossUsd"), 1e-15);

        // Staying prices the prefix at the cached price; every other model pays the full input price for it.
        assertEquals(((n - prefix) * price(QWEN, "inputUsdPerMTok") + prefix * cached + output(QWEN, turn)
                * price(QWEN, "outputUsdPerMTok")) / 1e6, cost(turn, QWEN), 1e-15);
        for (String other : List.of(LLAMA, GEMMA)) {
            assertEquals((n * price(other, "inputUsdPerMTok") + output(other, turn) * price(other,
                    "outputUsdPerMTok")) / 1e6, cost(turn, other), 1e-15);
            assertEquals(cost(fresh, other), cost(turn, other), 1e-18);
        }
        assertEquals(loss, cost(fresh, QWEN) - cost(turn, QWEN), 1e-15);

        // Without the cache the cheap model wins; with it the previous model does, and the reason says why.
        assertEquals(LLAMA, fresh.getString("model"));
        assertEquals(QWEN, turn.getString("model"));
        assertEquals(cost(turn, QWEN), turn.getDouble("estimatedCostUsd"), 1e-18);
        assertEquals(turn.getDouble("estimatedCostUsd"),
                Double.parseDouble(answer.header("x-tagrouter-estimated-cost-usd")), 1e-12);
        assertTrue(turn.getString("reason.message").contains("Its prompt cache decides it: " + prefix
                + " prefix tokens at the cached price save"), turn.getString("reason.message"));
        assertTrue(turn.getString("reason.message").endsWith("at the full price " + LLAMA
                + " would have been chosen."), turn.getString("reason.message"));
        assertEquals(List.of(QWEN, LLAMA, GEMMA), turn.getList("models.model"));
        assertEquals(LLAMA + "," + GEMMA, answer.header("x-tagrouter-fallbacks"));
        assertRankedByUtility(turn);
        assertRankedByUtility(fresh);
    }

    @Test
    void aPreviousModelWithoutACachedPriceGetsNoDiscount() {
        String session = ProviderBodies.read("anthropic-messages-long-session.json");
        JsonPath fresh = exact(post("/v1/route/messages", session, Map.of()).then().statusCode(200).extract()
                .asString());
        JsonPath turn = exact(post("/v1/route/messages", session, Map.of("x-tagrouter-previous-model", GEMMA))
                .then().statusCode(200)
                .body("promptCache.model", equalTo(GEMMA))
                .body("promptCache.cachedInputUsdPerMTok", nullValue())
                .body("promptCache.cacheLossUsd", equalTo(0.0f))
                .extract().asString());
        assertTrue(turn.getInt("promptCache.prefixTokens") > 0);
        assertEquals(fresh.getList("models"), turn.getList("models"));
        assertNull(fresh.get("promptCache"), "no previous model: no promptCache field");
        // /v1/route is a single request: it never carries one.
        given().contentType(ContentType.JSON).body(Map.of("query", "Now write the pull request description."))
                .post("/v1/route").then().statusCode(200).body("$", not(hasKey("promptCache")));
    }

    @Test
    void aToolLoopStaysOnThePreviousModelAtItsCachedPrice() {
        String toolLoop = ProviderBodies.read("openai-chat-tools.json");
        JsonPath fresh = exact(post("/v1/route/chat/completions", toolLoop, Map.of()).then().statusCode(200)
                .extract().asString());
        String previous = fresh.getString("model").equals(LLAMA) ? QWEN : LLAMA;
        JsonPath turn = exact(post("/v1/route/chat/completions", toolLoop,
                Map.of("x-tagrouter-previous-model", previous))
                .then().statusCode(200)
                .body("model", equalTo(previous))
                .body("reason.code", equalTo("TOOL_LOOP"))
                .extract().asString());
        // The developer message, the question and the tool definition were read by the call that made the tool call.
        assertTrue(turn.getInt("promptCache.prefixTokens") > 50, turn.getString("promptCache"));
        assertEquals(cost(fresh, previous) - turn.getDouble("promptCache.cacheLossUsd"),
                turn.getDouble("estimatedCostUsd"), 1e-15);
        assertEquals(turn.getDouble("estimatedCostUsd"), turn.getDouble("models[0].estimatedCostUsd"));
    }

    @Test
    void commitItAfterACodingExchangeIsTaggedAndRoutedAsCoding() {
        JsonPath afterCode = exact(post("/v1/route/chat/completions",
                ProviderBodies.read("openai-chat-coding-turns.json"), Map.of())
                .then().statusCode(200).extract().asString());
        JsonPath alone = exact(post("/v1/route/chat/completions",
                ProviderBodies.read("openai-chat-commit-alone.json"), Map.of())
                .then().statusCode(200).extract().asString());

        // The routed turn's own tag at weight 1, the earlier turns' below it.
        Map<String, Object> latin = Map.of("tag", "script-latin", "known", true, "turn", 0, "weight", 1.0);
        List<Map<String, Object>> single = alone.getList("tags");
        assertEquals(List.of(latin), single.stream().map(ConversationRoutingTest::withoutMatch).toList());
        List<Map<String, Object>> tags = afterCode.getList("tags");
        assertEquals(latin, withoutMatch(tags.get(0)));
        assertTrue(tags.contains(Map.of("tag", "python", "match", "Python", "known", true, "turn", 1,
                "weight", 0.5)), tags.toString());
        assertTrue(tags.stream().anyMatch(t -> t.get("tag").equals("coding") && t.get("turn").equals(1)),
                tags.toString());
        assertTrue(tags.contains(Map.of("tag", "data-analysis", "match", "CSV file", "known", true, "turn", 2,
                "weight", 0.25)), tags.toString());

        assertEquals(QWEN, afterCode.getString("model"), "Qwen has the best estimate on Python in the bundled table");
        assertNotEquals(QWEN, alone.getString("model"));
        assertTrue(afterCode.getDouble("acceptRates.'" + QWEN + "'") > alone.getDouble("acceptRates.'" + QWEN + "'"));
        // The same last turn through /v1/route is decided as the turn alone.
        JsonPath direct = exact(given().contentType(ContentType.JSON).body(Map.of("query", "commit it"))
                .post("/v1/route").then().statusCode(200).extract().asString());
        assertEquals(alone.getString("model"), direct.getString("model"));
        assertEquals(alone.getList("tags"), direct.getList("tags"));
        assertFalse(afterCode.getMap("").containsKey("promptCache"));
    }

    @Test
    void theLongSessionsEarlierTurnsTagTheLastOne() {
        post("/v1/route/messages", ProviderBodies.read("anthropic-messages-long-session.json"), Map.of())
                .then().statusCode(200)
                .body("tags.find { it.tag == 'python' }.turn", equalTo(2))
                .body("tags.find { it.tag == 'python' }.weight", equalTo(0.25f))
                .body("reason.message", not(containsString("prompt cache")));
    }

    private static Map<String, Object> withoutMatch(Map<String, Object> tag) {
        Map<String, Object> copy = new java.util.HashMap<>(tag);
        copy.remove("match");
        return copy;
    }

    private static double cost(JsonPath decision, String model) {
        List<Map<String, Object>> models = decision.getList("models");
        return models.stream().filter(m -> m.get("model").equals(model)).mapToDouble(m -> ((Number) m
                .get("estimatedCostUsd")).doubleValue()).findFirst().orElseThrow();
    }

    // The expected output the estimate uses: the table's, bounded by the body's max_tokens (1024, above all three).
    private static int output(String model, JsonPath decision) {
        return Math.min(table().getInt("models.find { it.name == '" + model + "' }.expectedOutputTokens"), 1024);
    }

    private static double price(String model, String field) {
        return table().getDouble("models.find { it.name == '" + model + "' }." + field);
    }

    // The bundled table the service routes with (its prices are not on /v1/table).
    private static JsonPath table() {
        try (java.io.InputStream in = ConversationRoutingTest.class.getResourceAsStream("/tagrouter/table.json")) {
            return exact(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    // Numbers as doubles: the default reads small decimals as floats, too coarse for a cost to the last digit.
    private static JsonPath exact(String json) {
        return new JsonPath(json).using(new JsonPathConfig(JsonPathConfig.NumberReturnType.DOUBLE));
    }

    // The catalog's cached-to-input price ratio, read from the profile's catalog file.
    private static double catalogRatio(String model) {
        JsonPath catalog = new JsonPath(Path.of(CachedPricesProfile.CATALOG).toFile())
                .using(new JsonPathConfig(JsonPathConfig.NumberReturnType.DOUBLE));
        return catalog.getDouble("models.'" + model + "'.cachedInputUsdPerMTok")
                / catalog.getDouble("models.'" + model + "'.inputUsdPerMTok");
    }

    // The utility rule's order: estimate + costPreference * cost / costScale, highest first.
    private static void assertRankedByUtility(JsonPath decision) {
        double scale = ((Number) given().get("/v1/table").then().extract().path("decision.costScaleUsd"))
                .doubleValue();
        double knob = decision.getDouble("costPreference");
        Map<String, Object> rates = decision.getMap("acceptRates");
        double previous = Double.POSITIVE_INFINITY;
        for (Map<String, Object> m : decision.<Map<String, Object>>getList("models")) {
            double utility = ((Number) rates.get(m.get("model"))).doubleValue()
                    + knob * ((Number) m.get("estimatedCostUsd")).doubleValue() / scale;
            assertTrue(utility <= previous + 1e-12, "ranked by utility: " + decision.getList("models"));
            previous = utility;
        }
    }

    private static Response post(String path, String body, Map<String, String> headers) {
        return given().contentType(ContentType.JSON).headers(headers).body(body).post(path);
    }
}
