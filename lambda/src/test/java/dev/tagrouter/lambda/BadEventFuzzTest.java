package dev.tagrouter.lambda;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Seeded hostile events through the Lambda binding: each gets either a decision or a Lambda error payload with a
 * message, never a crash or a hang, and the function still answers a valid event afterwards.
 */
@QuarkusTest
class BadEventFuzzTest {

    private static final int EVENTS = Integer.getInteger("fuzz.events", 300);

    @Test
    void everyBadEventGetsAnAnswer() {
        SplittableRandom random = new SplittableRandom(7);
        List<String> fields = List.of("query", "messages", "candidates", "exclude", "maxCostUsd", "costPreference",
                "sessionId", "requestId", "unknown");
        List<String> values = List.of("1", "-1", "1e400", "\"\"", "\"\\ud800\"", "null", "true", "[]", "{}",
                "[1, {\"a\": []}]", "\"" + "x".repeat(40_000) + "\"", "[" + "\"m\",".repeat(500) + "\"m\"]",
                "[{\"role\": 1, \"content\": 2}]");
        for (int i = 0; i < EVENTS; i++) {
            String event = random.nextInt(10) == 0
                    ? "[".repeat(random.nextInt(1, 2000))
                    : "{\"query\": \"Write a poem\", \"" + fields.get(random.nextInt(fields.size())) + "\": "
                            + values.get(random.nextInt(values.size())) + "}";
            Response response = given().contentType(ContentType.JSON).body(event).post();
            if (response.statusCode() == 200) {
                assertTrue(response.jsonPath().getString("model") != null, "event " + i + ": " + response.asString());
            } else {
                assertEquals(500, response.statusCode(), "event " + i);
                assertTrue(response.jsonPath().getString("errorMessage") != null, "event " + i + ": no errorMessage");
            }
        }
        given().contentType(ContentType.JSON).body("{\"query\": \"Write a poem about rain.\"}").post()
                .then().statusCode(200);
    }

    @Test
    void everyBadGatewayEnvelopeGetsACodedAnswer() {
        SplittableRandom random = new SplittableRandom(11);
        List<String> endpoints = List.of("\"chat/completions\"", "\"messages\"", "\"responses\"", "\"chat\"", "7",
                "null");
        List<String> bodies = List.of("null", "[]", "\"text\"", "{}", "{\"messages\": 5}", "{\"input\": {}}",
                "{\"messages\": [null]}", "{\"messages\": [{\"role\": \"user\", \"content\": [7]}]}",
                "{\"messages\": [{\"role\": \"user\", \"content\": [{\"type\": 1}]}]}",
                "{\"model\": [], \"messages\": [{\"role\": \"user\", \"content\": \"hi\"}]}",
                "{\"messages\": [{\"role\": \"user\", \"content\": \"hi\"}], \"max_tokens\": -3}",
                "{\"messages\": [{\"role\": \"user\", \"content\": \"hi\"}], \"tools\": \"all\"}",
                "{\"input\": [{\"type\": \"function_call_output\", \"output\": [1, {}]}]}",
                "{\"input\": \"" + "x".repeat(40_000) + "\"}",
                "{\"messages\": [{\"role\": \"user\", \"content\": \"Write a poem\"}]}",
                "{\"input\": \"Write a poem\", \"max_output_tokens\": 1e400}");
        List<String> headers = List.of("null", "{}", "[]", "{\"x-tagrouter-max-cost-usd\": 1}",
                "{\"x-tagrouter-cost-preference\": \"1e9\"}", "{\"x-tagrouter-candidates\": \",,,\"}",
                "{\"x-tagrouter-pin\": \"true\", \"x-tagrouter-previous-model\": \"nobody\"}",
                "{\"x-session-id\": \"" + "s".repeat(300) + "\"}");
        for (int i = 0; i < EVENTS; i++) {
            String event = "{\"endpoint\": " + endpoints.get(random.nextInt(endpoints.size())) + ", \"body\": "
                    + bodies.get(random.nextInt(bodies.size())) + ", \"headers\": "
                    + headers.get(random.nextInt(headers.size())) + "}";
            Response response = given().contentType(ContentType.JSON).body(event).post();
            if (response.statusCode() == 200) {
                assertTrue(response.jsonPath().getString("headers.'x-tagrouter-model'") != null, "event " + i);
            } else {
                assertEquals(500, response.statusCode(), "event " + i);
                String message = response.jsonPath().getString("errorMessage");
                assertTrue(message != null && message.matches("(?s)(\\S*RouteException: )?[A-Z_]+: .*")
                                && !message.contains("INTERNAL_ERROR"),
                        "event " + i + " got no coded refusal: " + message + " for " + event.substring(0,
                                Math.min(200, event.length())));
            }
        }
    }
}
