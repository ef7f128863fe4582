package dev.tagrouter.lambda;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/**
 * Invokes the {@code route} function through the Lambda runtime API emulation of Quarkus tests: each POST to the
 * test port is one Lambda event, the answer is what the function returned or the Lambda error payload.
 */
@QuarkusTest
class RouteLambdaTest {

    @Test
    void aJsonEventGetsADecision() {
        given().contentType(ContentType.JSON)
                .body("{\"query\": \"Write a Python function that reverses a string.\", \"sessionId\": \"s-1\"}")
                .when().post()
                .then().statusCode(200)
                .body("model", notNullValue())
                .body("tags.tag", hasItem("python"))
                .body("tagger", equalTo("rules"))
                .body("sessionId", equalTo("s-1"))
                .body("estimatedCostUsd", notNullValue());
    }

    @Test
    void aPresetNameSetsTheCostPreference() {
        given().contentType(ContentType.JSON)
                .body("{\"query\": \"Write a poem about the sea.\", \"costPreference\": \"budget\"}")
                .when().post()
                .then().statusCode(200)
                .body("preset", equalTo("budget"))
                .body("costPreference", notNullValue())
                .body("acceptRates.size()", greaterThan(1))
                .body("reason.code", notNullValue());
        given().contentType(ContentType.JSON)
                .body("{\"query\": \"Write a poem about the sea.\", \"costPreference\": -0.25}")
                .when().post()
                .then().statusCode(200)
                .body("preset", nullValue())
                .body("costPreference", equalTo(-0.25f));
    }

    @Test
    void aBadEventGetsALambdaErrorPayloadWithTheCode() {
        given().contentType(ContentType.JSON).body("{\"query\": 7}")
                .when().post()
                .then().statusCode(500)
                .body("errorMessage", containsString("INVALID_FIELD: Field 'query' must be a string"));
        given().contentType(ContentType.JSON).body("{\"query\": \"q\", \"maxCostUsd\": -1}")
                .when().post()
                .then().statusCode(500)
                .body("errorMessage", containsString("INVALID_MAX_COST"));
        given().contentType(ContentType.JSON).body("{\"query\": \"q\", \"costPreference\": \"frugal\"}")
                .when().post()
                .then().statusCode(500)
                .body("errorMessage", containsString("INVALID_COST_PREFERENCE"))
                .body("errorMessage", containsString("'frugal'"));
    }
}
