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
}
