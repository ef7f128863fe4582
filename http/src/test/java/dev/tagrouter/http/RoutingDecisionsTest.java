package dev.tagrouter.http;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.both;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.nullValue;

/**
 * Decisions on a table built from made-up data with hand-picked presets ({@link TinyTableResource}), where the right
 * model is known, through both endpoints.
 */
@QuarkusTest
@TestProfile(TinyTableProfile.class)
class RoutingDecisionsTest {

    private static final String CODE = "Write a Python function that merges two sorted lists.";
    private static final String POEM = "Write a poem about the first snow of the year.";

    @ParameterizedTest
    @ValueSource(strings = {"/route", "/v1/route"})
    void withoutACostPreferenceTheTablesDefaultPresetTakesTheBestEstimate(String path) {
        post(path, "{\"query\": \"" + CODE + "\"}")
                .statusCode(200)
                .body("model", equalTo("premium"))
                .body("reason.code", equalTo("TOP_SCORE"))
                .body("preset", equalTo("quality"))
                .body("costPreference", equalTo(0f))
                .body("tags.tag", hasItem("python"))
                .body("tagger", equalTo("rules"))
                .body("tableVersion", equalTo("tiny-test"))
                .body("acceptRates.keySet()", contains("budget", "coder", "premium"))
                .body("acceptRates.values()", everyItem(both(greaterThanOrEqualTo(0f)).and(lessThanOrEqualTo(1f))))
                .body("acceptRates.coder", lessThan(post(path, "{\"query\": \"" + CODE + "\"}").extract()
                        .<Float>path("acceptRates.premium")))
                .body("probabilities.premium", equalTo(1f));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/route", "/v1/route"})
    void codeGoesToTheCodeSpecialistAndPoemsToTheBudgetModelWhenCostCounts(String path) {
        post(path, "{\"query\": \"" + CODE + "\", \"costPreference\": \"balanced\"}")
                .statusCode(200)
                .body("model", equalTo("coder"))
                .body("reason.code", equalTo("CHEAPER_WITHIN_PREFERENCE"))
                .body("reason.message", containsString("cost preference -0.5"))
                .body("preset", equalTo("balanced"))
                .body("costPreference", equalTo(-0.5f));
        post(path, "{\"query\": \"" + POEM + "\", \"costPreference\": \"balanced\"}")
                .statusCode(200)
                .body("model", equalTo("budget"))
                .body("reason.code", equalTo("CHEAPER_WITHIN_PREFERENCE"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/route", "/v1/route"})
    void costPreferenceTradesQualityForPrice(String path) {
        post(path, "{\"query\": \"" + POEM + "\"}").statusCode(200).body("model", equalTo("premium"));
        post(path, "{\"query\": \"" + POEM + "\", \"costPreference\": \"budget\"}")
                .statusCode(200)
                .body("model", equalTo("budget"))
                .body("preset", equalTo("budget"))
                .body("costPreference", equalTo(-5f))
                .body("reason.code", equalTo("CHEAPER_WITHIN_PREFERENCE"));
        post(path, "{\"query\": \"" + POEM + "\", \"costPreference\": -6}")
                .statusCode(200)
                .body("model", equalTo("budget"))
                .body("preset", nullValue())
                .body("costPreference", equalTo(-6f));
        post(path, "{\"query\": \"" + POEM + "\", \"costPreference\": 0}")
                .statusCode(200)
                .body("model", equalTo("premium"))
                .body("preset", nullValue());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/route", "/v1/route"})
    void aPresetTheTableLacksIsA400(String path) {
        post(path, "{\"query\": \"" + POEM + "\", \"costPreference\": \"frugal\"}")
                .statusCode(400)
                .contentType(ContentType.JSON)
                .body("code", equalTo("INVALID_COST_PREFERENCE"))
                .body("message", containsString("'frugal'"))
                .body("message", containsString("[quality, balanced, budget]"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/route", "/v1/route"})
    void candidatesExcludeAndMaxCostNarrowThePool(String path) {
        post(path, "{\"query\": \"" + CODE + "\", \"candidates\": [\"budget\", \"premium\"]}")
                .statusCode(200).body("model", equalTo("premium"))
                .body("acceptRates.keySet()", contains("budget", "premium"))
                .body("probabilities.keySet()", contains("budget", "premium"));
        post(path, "{\"query\": \"" + CODE + "\", \"exclude\": [\"premium\"], \"costPreference\": \"balanced\"}")
                .statusCode(200).body("model", equalTo("coder"))
                .body("acceptRates.keySet()", contains("budget", "coder"));
        post(path, "{\"query\": \"" + CODE + "\", \"maxCostUsd\": 0.0002}")
                .statusCode(200).body("model", equalTo("budget"))
                .body("reason.code", equalTo("ONLY_CANDIDATE"))
                .body("acceptRates.keySet()", contains("budget"));
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
    void aQueryWithoutKnownTagsIsDecidedOnTheOverallAcceptRates(String path) {
        post(path, "{\"query\": \"zzz qqq\", \"sessionId\": \"conversation-7\"}")
                .statusCode(200)
                .body("model", equalTo("premium"))
                .body("reason.code", equalTo("NO_KNOWN_TAG"))
                .body("sessionId", equalTo("conversation-7"))
                .body("reason.message", containsString("overall accept rates"))
                .body("acceptRates.keySet()", contains("budget", "coder", "premium"));
        // The same rule, on the same overall rates: a low enough cost preference still changes the choice.
        post(path, "{\"query\": \"zzz qqq\", \"costPreference\": \"budget\"}")
                .statusCode(200)
                .body("model", equalTo("budget"))
                .body("reason.code", equalTo("NO_KNOWN_TAG"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/route", "/v1/route"})
    void theCostIsPricedFromTokens(String path) {
        // coder: $0.5 / $1.5 per million tokens, 400 expected output tokens (1600 chars / 4).
        float expected = (float) ((10 * 0.5 + 400 * 1.5) / 1e6);
        post(path, "{\"query\": \"" + CODE + "\", \"candidates\": [\"coder\"]}")
                .statusCode(200)
                .body("model", equalTo("coder"))
                .body("inputTokens", equalTo(10))
                .body("expectedOutputTokens", equalTo(400))
                .body("estimatedCostUsd", equalTo(expected))
                .body("code", nullValue());
    }

    @Test
    void theTableShowsItsPresetsAndCurve() {
        given().get("/v1/table").then().statusCode(200)
                .body("version", equalTo("tiny-test"))
                .body("format", equalTo("tagrouter-table/2"))
                .body("scoring.method", equalTo("CALIBRATED"))
                .body("scoring.priorStrength", equalTo(2f))
                .body("decision.rule", equalTo("UTILITY"))
                .body("decision.defaultPreset", equalTo("quality"))
                .body("decision.presets.name", contains("quality", "balanced", "budget"))
                .body("decision.presets.find { it.name == 'balanced' }.costPreference", equalTo(-0.5f))
                .body("decision.presets.find { it.name == 'balanced' }.acceptRate", equalTo(0.85f))
                .body("decision.presets.find { it.name == 'balanced' }.costShare", equalTo(0.3f))
                .body("decision.presets.find { it.name == 'balanced' }.promise", containsString("specialists"))
                .body("decision.curve.costPreference", contains(-5f, -0.5f, 0f))
                .body("decision.curve.acceptRate", contains(0.7f, 0.85f, 1f));
    }

    private static io.restassured.response.ValidatableResponse post(String path, String body) {
        return given().contentType(ContentType.JSON).body(body).when().post(path).then();
    }
}
