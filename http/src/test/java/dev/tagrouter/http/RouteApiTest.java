package dev.tagrouter.http;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

/** The contract of both route endpoints on the bundled table: answers, tags, and every kind of bad input. */
@QuarkusTest
class RouteApiTest {

    @ParameterizedTest
    @ValueSource(strings = {"/route", "/v1/route"})
    void answersWithAFullDecision(String path) {
        String version = given().get("/v1/table").then().statusCode(200).extract().path("version");
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
                .body("scores.size()", equalTo(given().get("/v1/models").then().extract().path("size()")))
                .body("reason.code", notNullValue())
                .body("reason.message", notNullValue())
                .body("tableVersion", equalTo(version))
                .body("decisionMicros", notNullValue());
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
        given().get("/v1/table").then().statusCode(200)
                .body("format", equalTo("tagrouter-table/1"))
                .body("checksum", containsString("sha256:"))
                .body("tagCount", greaterThan(50))
                .body("scoring.sTie", equalTo(0.15f))
                .body("provenance.dataset", equalTo("alpaca-eval-2"));
    }

    @Test
    void healthAndOpenApiAreServed() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'routing-table' }.data.checksum", containsString("sha256:"));
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("paths", org.hamcrest.Matchers.hasKey("/v1/route"));
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
