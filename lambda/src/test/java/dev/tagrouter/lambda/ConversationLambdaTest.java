package dev.tagrouter.lambda;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A conversation's turn through the Lambda gateway envelope, on the bundled table and catalog: the earlier user turns
 * tag the last one at lower weights, and the previous model's cached prefix is reported; the bundled catalog knows no
 * cached price for the pool, so no estimate is discounted.
 */
@QuarkusTest
class ConversationLambdaTest {

    private static final String QWEN = "FuseChat-Qwen-2.5-7B-Instruct";
    private static final String LLAMA = "FuseChat-Llama-3.1-8B-Instruct";

    @Test
    void commitItAfterACodingExchangeIsRoutedAsCodingWithTheEarlierTurnsTagsWeighted() {
        JsonPath afterCode = invoke(GatewayLambdaTest.envelope("chat/completions",
                GatewayLambdaTest.body("openai-chat-coding-turns.json"), null, null));
        JsonPath alone = invoke(GatewayLambdaTest.envelope("chat/completions",
                GatewayLambdaTest.body("openai-chat-commit-alone.json"), null, null));
        assertEquals(QWEN, afterCode.getString("body.model"));
        assertEquals(QWEN, afterCode.getString("headers.'x-tagrouter-model'"));
        assertNotEquals(QWEN, alone.getString("body.model"));
        assertEquals(List.of("script-latin"), alone.getList("body.tags.tag"));
        List<Map<String, Object>> tags = afterCode.getList("body.tags");
        assertTrue(tags.contains(Map.of("tag", "python", "match", "Python", "known", true, "turn", 1,
                "weight", 0.5)), tags.toString());
        assertEquals(0, afterCode.getInt("body.tags[0].turn"));
        assertEquals(1.0, afterCode.getDouble("body.tags[0].weight"));
    }

    @Test
    void thePreviousModelsCachedPrefixIsReportedAndUnknownCachedPricesDiscountNothing() {
        String body = GatewayLambdaTest.body("openai-chat-coding-turns.json");
        JsonPath fresh = invoke(GatewayLambdaTest.envelope("chat/completions", body, null, null));
        given().contentType(ContentType.JSON).body(GatewayLambdaTest.envelope("chat/completions", body,
                        "{\"x-tagrouter-previous-model\": \"" + LLAMA + "\"}", null))
                .post().then().statusCode(200)
                .body("body.promptCache.model", equalTo(LLAMA))
                .body("body.promptCache.cachedInputUsdPerMTok", nullValue())
                .body("body.promptCache.cacheLossUsd", equalTo(0.0f));
        JsonPath turn = invoke(GatewayLambdaTest.envelope("chat/completions", body,
                "{\"x-tagrouter-previous-model\": \"" + LLAMA + "\"}", null));
        int prefix = turn.getInt("body.promptCache.prefixTokens");
        assertTrue(prefix > 100 && prefix < turn.getInt("body.inputTokens"),
                "the system text and the turns before the last answer: " + prefix);
        assertEquals(fresh.getList("body.models"), turn.getList("body.models"));
        assertEquals(fresh.getString("body.model"), turn.getString("body.model"));
    }

    private static JsonPath invoke(String event) {
        String answer = given().contentType(ContentType.JSON).body(event).post().then().statusCode(200)
                .extract().asString();
        return new JsonPath(answer).using(new JsonPathConfig(JsonPathConfig.NumberReturnType.DOUBLE));
    }
}
