package org.acme;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import org.junit.jupiter.api.RepeatedTest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/** Exercises the packaged reference, which also trains its AOT cache. */
@QuarkusIntegrationTest
class HelloFunctionIT {

    @RepeatedTest(20)
    void greets() {
        given().contentType("application/json").body("{\"name\": \"x\"}").post("/hello")
                .then().statusCode(200).body("name", equalTo("hello x"));
    }
}
