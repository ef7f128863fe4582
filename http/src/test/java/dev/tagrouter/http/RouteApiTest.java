package dev.tagrouter.http;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.both;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.in;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The contract of both route endpoints on the bundled table: answers, tags, and every kind of bad input. */
@QuarkusTest
class RouteApiTest {

    @ParameterizedTest
    @ValueSource(strings = {"/route", "/v1/route"})
    void answersWithAFullDecision(String path) {
        String version = given().get("/v1/table").then().statusCode(200).extract().path("version");
        String defaultPreset = given().get("/v1/table").then().extract().path("decision.defaultPreset");
        int models = given().get("/v1/models").then().extract().path("size()");
        post(path, "{\"query\": \"Write a Python function that reverses a linked list.\"}")
                .statusCode(200)
                .contentType(ContentType.JSON)
                .body("model", notNullValue())
                .body("estimatedCostUsd", greaterThan(0f))
                .body("inputTokens", greaterThan(5))
                .body("expectedOutputTokens", greaterThan(0))
                .body("tags.tag", hasItems("coding", "python"))
                .body("tags.find { it.tag == 'python' }.match", equalTo("Python"))
                .body("tagger", equalTo("rules"))
                .body("acceptRates.size()", equalTo(models))
                .body("acceptRates.values()", everyItem(both(greaterThanOrEqualTo(0f)).and(lessThanOrEqualTo(1f))))
                .body("probabilities.size()", equalTo(models))
                .body("preset", equalTo(defaultPreset))
                .body("costPreference", notNullValue())
                .body("reason.code", notNullValue())
                .body("reason.message", notNullValue())
                .body("tableVersion", equalTo(version))
                .body("decisionMicros", notNullValue());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/route", "/v1/route"})
    void aPresetNameOrANumberSetsTheCostPreference(String path) {
        List<Map<String, Object>> presets = given().get("/v1/table").then().extract().path("decision.presets");
        assertTrue(presets.size() >= 3, "the bundled table has the quality, balanced and budget presets: " + presets);
        for (Map<String, Object> preset : presets) {
            post(path, "{\"query\": \"Write a poem about the sea.\", \"costPreference\": \"" + preset.get("name") + "\"}")
                    .statusCode(200)
                    .body("preset", equalTo(preset.get("name")))
                    .body("costPreference", equalTo(preset.get("costPreference")));
        }
        post(path, "{\"query\": \"Write a poem about the sea.\", \"costPreference\": \"BUDGET\"}")
                .statusCode(200).body("preset", equalTo("budget"));
        post(path, "{\"query\": \"Write a poem about the sea.\", \"costPreference\": -0.25}")
                .statusCode(200)
                .body("preset", nullValue())
                .body("costPreference", equalTo(-0.25f));
        // A knob far below every preset trades everything for cost: the cheapest model.
        post(path, "{\"query\": \"Write a poem about the sea.\", \"costPreference\": -1000}")
                .statusCode(200)
                .body("model", equalTo(cheapestModel(path, "Write a poem about the sea.")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/route", "/v1/route"})
    void anUnknownPresetIsRefusedWithTheTablesPresets(String path) {
        assertError(post(path, "{\"query\": \"q\", \"costPreference\": \"frugal\"}"), 400, "INVALID_COST_PREFERENCE");
        post(path, "{\"query\": \"q\", \"costPreference\": \"frugal\"}")
                .body("message", containsString("'frugal'"))
                .body("message", containsString("budget"));
        assertError(post(path, "{\"query\": \"q\", \"costPreference\": \"\"}"), 400, "INVALID_COST_PREFERENCE");
        assertError(post(path, "{\"query\": \"q\", \"costPreference\": true}"), 400, "INVALID_FIELD");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/route", "/v1/route"})
    void askingForTheRemoteTaggerWithoutOneConfiguredFallsBackToTheRules(String path) {
        post(path, "{\"query\": \"Write a poem about the sea.\", \"tagger\": \"remote\"}")
                .statusCode(200)
                .body("tagger", equalTo("rules"))
                .body("fallbackReason", equalTo("not_configured"))
                .body("unmatchedTags.size()", equalTo(0))
                .body("tags.tag", hasItem("poem"));
        post(path, "{\"query\": \"Write a poem.\", \"tagger\": \"llm\"}")
                .statusCode(400)
                .body("code", equalTo("INVALID_FIELD"))
                .body("message", containsString("'tagger' must be one of [rules, remote, hybrid]"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Write a Python function that parses a CSV file and sums the second column. | coding",
            "Write a poem about the sea at dawn. | poem",
            "Prove that there are infinitely many prime numbers. | math-proof",
            "Translate this sentence into French: the weather is lovely today. | translation",
            "Can my landlord evict me without notice if I am late on rent? | law"})
    void queriesGetTheTagsAPersonWouldExpect(String query, String tag) {
        post("/v1/route", "{\"query\": \"" + query + "\"}").statusCode(200).body("tags.tag", hasItem(tag));
        post("/route", "{\"query\": \"" + query + "\"}").statusCode(200).body("tags.tag", hasItem(tag));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/route", "/v1/route"})
    void badInputGetsA400WithACodeAndASentence(String path) {
        assertError(post(path, "{\"query\": \"unterminated"), 400, "MALFORMED_JSON");
        assertError(post(path, "{\"query\": NaN}"), 400, "MALFORMED_JSON");
        assertError(post(path, "{\"query\": 42}"), 400, "INVALID_FIELD");
        assertError(post(path, "{\"query\": \"q\", \"candidates\": \"claude\"}"), 400, "INVALID_FIELD");
        assertError(post(path, "{\"query\": \"q\", \"maxCostUsd\": \"cheap\"}"), 400, "INVALID_FIELD");
        assertError(post(path, "{}"), 400, "QUERY_REQUIRED");
        assertError(post(path, "{\"query\": \"\"}"), 400, "QUERY_REQUIRED");
        assertError(post(path, "{\"query\": \"" + "a".repeat(40_000) + "\"}"), 400, "QUERY_TOO_LONG");
        assertError(post(path, "{\"query\": \"q\", \"candidates\": [\"gpt-9\"]}"), 400, "UNKNOWN_MODEL");
        assertError(post(path, "{\"query\": \"q\", \"maxCostUsd\": -0.5}"), 400, "INVALID_MAX_COST");
        assertError(post(path, "{\"query\": \"q\", \"maxCostUsd\": 1e999}"), 400, "INVALID_MAX_COST");
        assertError(post(path, "{\"query\": \"q\", \"costPreference\": -1e999}"), 400, "INVALID_COST_PREFERENCE");
        assertError(post(path, "{\"query\": \"q\", \"temperature\": 1}"), 400, "UNKNOWN_FIELD");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/route", "/v1/route"})
    void invalidUtf8AndOversizedBodiesAreRefusedCleanly(String path) {
        byte[] invalid = "{\"query\": \"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1);
        assertError(given().contentType(ContentType.JSON).body(invalid).post(path).then(), 400, "MALFORMED_JSON");
        String huge = "{\"query\": \"q\", \"sessionId\": \"" + "x".repeat(1_100_000) + "\"}";
        assertError(post(path, huge), 413, "BODY_TOO_LARGE");
    }

    @Test
    void httpLevelMistakesAreJsonToo() {
        assertError(given().contentType(ContentType.TEXT).body("hello").post("/v1/route").then(), 415,
                "UNSUPPORTED_MEDIA_TYPE");
        assertError(given().get("/v1/route").then(), 405, "METHOD_NOT_ALLOWED");
        assertError(given().get("/v2/nothing-here").then(), 404, "NOT_FOUND");
    }

    @Test
    void listsThePoolAndDescribesTheTable() {
        given().get("/v1/models").then().statusCode(200)
                .body("size()", greaterThan(1))
                .body("[0].name", notNullValue())
                .body("[0].inputUsdPerMTok", notNullValue())
                .body("[0].outputUsdPerMTok", notNullValue());
        given().get("/v1/models").then()
                .body("trainingAcceptRate", everyItem(both(greaterThan(0f)).and(lessThanOrEqualTo(1f))))
                .body("trainingPrompts", everyItem(greaterThan(0)));
        given().get("/v1/table").then().statusCode(200)
                .body("format", equalTo("tagrouter-table/2"))
                .body("checksum", containsString("sha256:"))
                .body("tagCount", greaterThan(50))
                .body("modelCount", equalTo(given().get("/v1/models").then().extract().path("size()")))
                .body("scoring.method", notNullValue())
                .body("scoring.priorStrength", notNullValue())
                .body("decision.rule", notNullValue())
                .body("decision.costScaleUsd", greaterThan(0f))
                .body("decision.presets.name", hasItems("quality", "balanced", "budget"))
                .body("decision.defaultPreset", is(in(given().get("/v1/table").then().extract()
                        .<List<String>>path("decision.presets.name"))))
                .body("decision.presets.acceptRate", everyItem(both(greaterThan(0f)).and(lessThanOrEqualTo(1f))))
                .body("decision.presets.costShare", everyItem(greaterThan(0f)))
                .body("decision.presets.promise", everyItem(not(emptyOrNullString())))
                .body("decision.curve.size()", greaterThan(1))
                .body("decision.curve.acceptRate", everyItem(both(greaterThan(0f)).and(lessThanOrEqualTo(1f))))
                .body("decision.curve.costPreference", everyItem(notNullValue()))
                .body("$", not(hasKey("defaultModel")))
                .body("provenance.dataset", equalTo("alpaca-eval-2"));
    }

    @Test
    void healthAndOpenApiAreServed() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'routing-table' }.data.checksum", containsString("sha256:"));
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("paths", org.hamcrest.Matchers.hasKey("/v1/route"))
                .body("paths.'/v1/route/chat/completions'.post.responses.'200'.content.'application/json'.schema"
                        + ".'$ref'", containsString("RouteDecision"))
                .body("components.schemas.CostPreference.oneOf.type", hasItems("string", "number"))
                .body("components.schemas.RouteRequest.properties.costPreference.'$ref'",
                        containsString("CostPreference"));
    }

    // The model with the lowest estimated cost for this query, each priced alone through the API.
    private static String cheapestModel(String path, String query) {
        List<String> models = given().get("/v1/models").then().extract().path("name");
        return models.stream().min(Comparator.comparingDouble(m -> post(path, "{\"query\": \"" + query
                + "\", \"candidates\": [\"" + m + "\"]}").statusCode(200).extract().<Float>path("estimatedCostUsd")))
                .orElseThrow();
    }

    static ValidatableResponse post(String path, String body) {
        return given().contentType(ContentType.JSON).body(body).when().post(path).then();
    }

    static void assertError(ValidatableResponse response, int status, String code) {
        response.statusCode(status)
                .contentType(ContentType.JSON)
                .body("code", equalTo(code))
                .body("message.length()", greaterThan(10))
                .body(not(containsString("Exception")))
                .body(not(containsString("\tat ")));
    }
}
