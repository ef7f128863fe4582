package dev.tagrouter.http;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

/** Decisions on a table built from made-up data, where the right model is known, through both endpoints. */
@QuarkusTest
@TestProfile(TinyTableProfile.class)
class RoutingDecisionsTest {

    private static final String CODE = "Write a Python function that merges two sorted lists.";
    private static final String POEM = "Write a poem about the first snow of the year.";

    @ParameterizedTest
    @ValueSource(strings = {"/route", "/v1/route"})
    void codeGoesToTheCodeSpecialist(String path) {
        post(path, "{\"query\": \"" + CODE + "\"}")
                .statusCode(200)
                .body("model", equalTo("coder"))
                .body("tags.tag", hasItem("python"))
                .body("tagger", equalTo("rules"))
                .body("reason.code", equalTo("TOP_SCORE"))
                .body("tableVersion", equalTo("tiny-test"))
                .body("scores.keySet()", contains("budget", "coder", "premium"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/route", "/v1/route"})
    void costPreferenceTradesQualityForPrice(String path) {
        post(path, "{\"query\": \"" + POEM + "\"}").statusCode(200).body("model", equalTo("premium"));
        post(path, "{\"query\": \"" + POEM + "\", \"costPreference\": -6}")
                .statusCode(200)
                .body("model", equalTo("budget"))
                .body("reason.code", equalTo("CHEAPER_WITHIN_THETA"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/route", "/v1/route"})
    void candidatesExcludeAndMaxCostNarrowThePool(String path) {
        post(path, "{\"query\": \"" + CODE + "\", \"candidates\": [\"budget\", \"premium\"]}")
                .statusCode(200).body("model", equalTo("premium"))
                .body("scores.keySet()", contains("budget", "premium"));
        post(path, "{\"query\": \"" + CODE + "\", \"exclude\": [\"coder\"]}")
                .statusCode(200).body("model", equalTo("premium"));
        post(path, "{\"query\": \"" + CODE + "\", \"maxCostUsd\": 0.0002}")
                .statusCode(200).body("model", equalTo("budget"))
                .body("scores.keySet()", contains("budget"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/route", "/v1/route"})
    void noEligibleModelIsA422(String path) {
        post(path, "{\"query\": \"" + CODE + "\", \"maxCostUsd\": 0}")
                .statusCode(422)
                .body("code", equalTo("NO_ELIGIBLE_MODEL"))
                .body("message", containsString("maxCostUsd"));
        post(path, "{\"query\": \"" + CODE + "\", \"candidates\": [\"coder\"], \"exclude\": [\"coder\"]}")
                .statusCode(422)
                .body("code", equalTo("NO_ELIGIBLE_MODEL"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/route", "/v1/route"})
    void aQueryWithoutKnownTagsGoesToTheDefaultModelWithTheReason(String path) {
        post(path, "{\"query\": \"zzz qqq\", \"sessionId\": \"conversation-7\"}")
                .statusCode(200)
                .body("model", equalTo("premium"))
                .body("reason.code", equalTo("NO_KNOWN_TAG"))
                .body("sessionId", equalTo("conversation-7"))
                .body("reason.message", containsString("default model premium"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/route", "/v1/route"})
    void theCostIsPricedFromTokens(String path) {
        // coder: $0.5 / $1.5 per million tokens, 400 expected output tokens (1600 chars / 4).
        float expected = (float) ((10 * 0.5 + 400 * 1.5) / 1e6);
        post(path, "{\"query\": \"" + CODE + "\"}")
                .statusCode(200)
                .body("inputTokens", equalTo(10))
                .body("expectedOutputTokens", equalTo(400))
                .body("estimatedCostUsd", equalTo(expected))
                .body("code", nullValue());
    }

    private static io.restassured.response.ValidatableResponse post(String path, String body) {
        return given().contentType(ContentType.JSON).body(body).when().post(path).then();
    }
}
