package dev.tagrouter.lambda;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Provider bodies through the Lambda function, wrapped in the gateway envelope {@code {"endpoint", "headers",
 * "body", "mode"}}: the answer is {@code {"headers", "body"}}, as the HTTP endpoints answer.
 */
@QuarkusTest
class GatewayLambdaTest {

    private static final String GEMMA = "FuseChat-Gemma-2-9B-Instruct";

    @ParameterizedTest
    @CsvSource({"chat/completions,openai-chat-tools.json", "messages,anthropic-messages-tools.json",
            "responses,openai-responses-items.json"})
    void eachFormatGetsARankedDecisionAndItsHeaders(String endpoint, String file) {
        JsonPath answer = invoke(envelope(endpoint, body(file), "{\"x-request-id\": \"lambda-1\","
                + " \"X-Session-Id\": \"s-9\", \"x-tagrouter-cost-preference\": \"balanced\"}", null))
                .then().statusCode(200)
                .body("body.unfitModels[0].model", equalTo(GEMMA))
                .body("body.unfitModels[0].code", equalTo("NEEDS_TOOLS"))
                .body("body.models.model", not(hasItem(GEMMA)))
                .body("body.models", hasSize(2))
                .body("body.requestId", equalTo("lambda-1"))
                .body("body.sessionId", equalTo("s-9"))
                .body("body.preset", equalTo("balanced"))
                .body("headers.'x-tagrouter-request-id'", equalTo("lambda-1"))
                .extract().jsonPath();
        List<String> models = answer.getList("body.models.model");
        assertEquals(answer.getString("body.model"), answer.getString("headers.'x-tagrouter-model'"));
        assertEquals(models.get(1), answer.getString("headers.'x-tagrouter-fallbacks'"));
        assertEquals(answer.getString("body.reason.code"), answer.getString("headers.'x-tagrouter-reason'"));
        assertEquals(answer.getString("body.tableVersion"), answer.getString("headers.'x-tagrouter-table-version'"));
    }

    @Test
    void rewriteModeAnswersTheProviderBodyWithTheChosenModel() {
        String original = body("openai-chat-tools.json");
        JsonPath answer = invoke(envelope("chat/completions", original, null, "\"rewrite\""))
                .then().statusCode(200).extract().jsonPath();
        Map<String, Object> rewritten = answer.getMap("body");
        Map<String, Object> sent = JsonPath.from(original).getMap("");
        assertEquals(answer.getString("headers.'x-tagrouter-model'"), rewritten.get("model"));
        sent.put("model", rewritten.get("model"));
        assertEquals(sent, rewritten);
    }

    @Test
    void refusalsAreLambdaErrorsWithTheCode() {
        invoke(envelope("chat/completions", body("openai-chat-vision.json"), null, null))
                .then().statusCode(500)
                .body("errorMessage", startsWith("NO_ELIGIBLE_MODEL"))
                .body("errorMessage", containsString("NEEDS_VISION"));
        invoke(envelope("chat/completions", body("openai-chat-tools.json"),
                "{\"x-tagrouter-max-cost-usd\": \"lots\"}", null))
                .then().statusCode(500).body("errorMessage", startsWith("INVALID_MAX_COST"));
        invoke(envelope("completions", body("openai-chat-tools.json"), null, null))
                .then().statusCode(500).body("errorMessage", startsWith("INVALID_FIELD: Field 'endpoint'"));
        invoke(envelope("messages", "{\"model\": \"claude-sonnet-4-5\", \"max_tokens\": 10, \"messages\":"
                + " [{\"role\": \"user\", \"content\": \"Hi\"}]}", null, null))
                .then().statusCode(500).body("errorMessage", startsWith("UNKNOWN_MODEL"));
        invoke("{\"endpoint\": \"messages\", \"body\": {}, \"extra\": 1}")
                .then().statusCode(500).body("errorMessage", startsWith("UNKNOWN_FIELD"));
        invoke("{\"endpoint\": \"messages\", \"headers\": [\"x\"], \"body\": {}}")
                .then().statusCode(500).body("errorMessage", startsWith("INVALID_FIELD: Field 'headers'"));
    }

    @Test
    void aPlainRouteEventIsStillARouteRequest() {
        invoke("{\"query\": \"Write a Python function that reverses a string.\"}")
                .then().statusCode(200)
                .body("models[0].model", equalTo(invoke("{\"query\": \"Write a Python function that reverses a"
                        + " string.\"}").then().extract().path("model")))
                .body("models", hasSize(3));
    }

    static String envelope(String endpoint, String body, String headers, String mode) {
        return "{\"endpoint\": \"" + endpoint + "\", \"body\": " + body
                + (headers == null ? "" : ", \"headers\": " + headers)
                + (mode == null ? "" : ", \"mode\": " + mode) + "}";
    }

    private static io.restassured.response.Response invoke(String event) {
        return given().contentType(ContentType.JSON).body(event).post();
    }

    static String body(String name) {
        try (InputStream in = GatewayLambdaTest.class.getResourceAsStream("/providers/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
