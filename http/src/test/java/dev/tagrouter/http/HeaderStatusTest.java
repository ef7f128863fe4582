package dev.tagrouter.http;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static dev.tagrouter.http.RouteApiTest.assertError;
import static io.restassured.RestAssured.given;

/** Headers alone never give a 500: every status the HTTP layer chooses is a JSON {code, message}. */
@QuarkusTest
class HeaderStatusTest {

    @ParameterizedTest
    @ValueSource(strings = {"/v1/models", "/v1/table"})
    void anAcceptHeaderThatExcludesJsonIsA406InJson(String path) {
        assertError(given().accept("text/html").get(path).then(), 406, "NOT_ACCEPTABLE");
    }

    @Test
    void anAcceptHeaderThatExcludesJsonIsA406InJsonOnRoute() {
        assertError(given().accept("text/html").contentType(ContentType.JSON).body("{\"query\": \"hi\"}")
                .post("/v1/route").then(), 406, "NOT_ACCEPTABLE");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/route", "/v1/route"})
    void anUnknownExpectationIsA417InJson(String path) {
        assertError(given().header("Expect", "bogus").contentType(ContentType.JSON).body("{\"query\": \"hi\"}")
                .post(path).then(), 417, "EXPECTATION_FAILED");
    }
}
