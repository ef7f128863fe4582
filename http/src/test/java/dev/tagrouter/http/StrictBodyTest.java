package dev.tagrouter.http;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static dev.tagrouter.http.RouteApiTest.assertError;
import static io.restassured.RestAssured.given;

/** Both route endpoints read a body by one strict rule: JSON only, well-formed UTF-8, nothing after the value. */
@QuarkusTest
class StrictBodyTest {

    @ParameterizedTest
    @ValueSource(strings = {"/route", "/v1/route"})
    void trailingContentAfterTheObjectIsMalformed(String path) {
        assertError(RouteApiTest.post(path, "{\"query\": \"hi\"} ]]]"), 400, "MALFORMED_JSON");
        assertError(RouteApiTest.post(path, "{\"query\": \"hi\"} {\"query\": \"again\"}"), 400, "MALFORMED_JSON");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/route", "/v1/route"})
    void overlongUtf8IsMalformed(String path) {
        byte[] overlong = {'{', '"', 'q', 'u', 'e', 'r', 'y', '"', ':', '"', 'a', (byte) 0xc0, (byte) 0xaf, '"', '}'};
        assertError(given().contentType(ContentType.JSON).body(overlong).post(path).then(), 400, "MALFORMED_JSON");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/route", "/v1/route"})
    void bothRouteEndpointsFollowOneContentTypeRule(String path) {
        assertError(given().contentType(ContentType.TEXT).body("{\"query\": \"hi\"}").post(path).then(), 415,
                "UNSUPPORTED_MEDIA_TYPE");
        given().contentType("application/json; charset=utf-8").body("{\"query\": \"hi\"}").post(path).then()
                .statusCode(200);
    }
}
