package dev.tagrouter.http;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** Without a decision log there is nowhere to write outcomes: the service says so instead of dropping them. */
@QuarkusTest
class OutcomesDisabledTest {

    @Test
    void outcomesAreRefusedWhenTheDecisionLogIsOff() {
        given().contentType(ContentType.JSON).body("{\"requestId\": \"r-1\", \"accepted\": true}")
                .post("/v1/outcomes").then().statusCode(409).body("code", equalTo("OUTCOME_LOG_DISABLED"))
                .body("message", containsString("tagrouter.decision-log.enabled"));
    }
}
