package dev.tagrouter.http;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;

/** Decisions show up on the Prometheus endpoint, labelled by model, tagger and reason. */
@QuarkusTest
class MetricsTest {

    @Test
    void decisionsAreCountedByModelTaggerAndReason() {
        String model = given().contentType(ContentType.JSON)
                .body("{\"query\": \"Write a haiku about autumn rain.\"}")
                .post("/v1/route").then().statusCode(200).extract().path("model");
        given().contentType(ContentType.JSON).body("{\"query\": \"Write a haiku about autumn rain.\"}")
                .post("/route").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200)
                .body(matchesPattern("(?s).*tagrouter_decisions_total\\{[^}]*model=\"" + model
                        + "\"[^}]*tagger=\"rules\"[^}]*} [0-9.]+.*"))
                .body(containsString("tagrouter_estimated_cost_usd_total{model=\"" + model + "\""))
                .body(containsString("tagrouter_decision_latency_microseconds_bucket"))
                .body(org.hamcrest.Matchers.not(containsString("autumn rain")));
    }
}
