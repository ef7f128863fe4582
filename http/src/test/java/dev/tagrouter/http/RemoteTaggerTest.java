package dev.tagrouter.http;

import dev.tagrouter.remotetagger.FakeChatCompletionsServer;
import dev.tagrouter.remotetagger.RemoteTaggerResource;
import dev.tagrouter.remotetagger.FakeChatCompletionsServer.Reply;
import dev.tagrouter.remotetagger.RemoteTagGenerator;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.UUID;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The remote tagger against a real HTTP server speaking the chat-completions protocol: the request it sends, every
 * reply shape it must read, and every fault, after which /v1/route must still answer 200 in time from the rules.
 */
@QuarkusTest
@TestProfile(RemoteTaggerProfile.class)
class RemoteTaggerTest {

    // Budget plus what REST Assured, JSON and the rules take on a busy 2-core CI machine.
    private static final long IN_TIME_MILLIS = RemoteTaggerResource.TIMEOUT_MILLIS + 400;

    FakeChatCompletionsServer server;

    @Inject
    CircuitBreakerMaintenance breakers;

    @BeforeEach
    void freshServerAndClosedCircuit() throws InterruptedException {
        // The JVM's first request pays REST Assured's and the HTTP stack's start-up, which is not what we time.
        route("warm up", "rules").statusCode(200);
        // The first remote call of the JVM loads the HTTP client's classes, which on a loaded machine can exceed the
        // 300 ms budget: pay it here, whatever its outcome, not in the first timed call of a test.
        route("warm up the remote path " + UUID.randomUUID()).statusCode(200);
        // A call that timed out may reach the fake server late and take the next test's scripted reply: wait for it.
        for (int wait = 0; server.received().isEmpty() && wait < 60; wait++) {
            Thread.sleep(50);
        }
        server.reset();
        breakers.reset(RemoteTagGenerator.CIRCUIT_BREAKER);
    }

    @Test
    void sendsTheTagPromptAndUsesTheAlignedTags() {
        server.then(Reply.completion("[\"Python programming\", \"Debugging\", \"flibbertigibbet wobble\"]"));
        String query = "My script crashes when I sort a dict, why? " + UUID.randomUUID();
        route(query)
                .statusCode(200)
                .body("tagger", equalTo("remote"))
                .body("fallbackReason", nullValue())
                .body("tags.tag", contains("python", "debugging"))
                .body("tags.find { it.tag == 'python' }.match", equalTo("Python programming"))
                .body("unmatchedTags", contains("flibbertigibbet wobble"));

        FakeChatCompletionsServer.Received call = server.received().get(0);
        assertEquals("Bearer " + RemoteTaggerResource.API_KEY, call.authorization());
        assertEquals("itpossible/TagGenerator", call.body().get("model").asText());
        assertEquals(0.0, call.body().get("temperature").asDouble());
        assertEquals(64, call.body().get("max_tokens").asInt());
        assertEquals("system", call.body().at("/messages/0/role").asText());
        assertEquals(true, call.body().at("/messages/0/content").asText().contains("tag extractor"));
        assertEquals(query, call.body().at("/messages/1/content").asText());
    }

    static Stream<Arguments> replyShapes() {
        return Stream.of(
                Arguments.of("JSON list", "[\"poetry\", \"creative writing\"]"),
                Arguments.of("tag objects", "[{\"tag\": \"Poetry\", \"explanation\": \"asks for a poem\"},"
                        + " {\"tag\": \"creative writing\", \"explanation\": \"the genre\"}]"),
                Arguments.of("fenced JSON", "Here are the tags:\n```json\n[\"poetry\", \"creative writing\"]\n```"),
                Arguments.of("comma separated", "poetry, Creative Writing"),
                Arguments.of("newline bullets", "- poetry\n- creative writing\n"),
                Arguments.of("prose around", "Sure! The tags are [\"poetry\", \"creative writing\"]. Let me know if you need more."));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("replyShapes")
    void readsEveryReplyShapeRealModelsGive(String shape, String content) {
        server.then(Reply.completion(content));
        route("Write a short poem about the sea " + UUID.randomUUID())
                .statusCode(200)
                .body("tagger", equalTo("remote"))
                .body("tags.tag", hasItems("poem", "creative-writing"));
    }

    @Test
    void aRequestMayChooseTheRulesOrBothTaggers() {
        String query = "Write a Python function that reverses a list " + UUID.randomUUID();
        route(query, "rules").statusCode(200).body("tagger", equalTo("rules")).body("fallbackReason", nullValue());
        assertEquals(0, server.received().size(), "rules mode must not call the remote tagger");

        server.then(Reply.completion("[\"algorithms\"]"));
        route(query, "hybrid").statusCode(200)
                .body("tagger", equalTo("hybrid"))
                .body("tags.tag", hasItems("algorithms", "python", "coding"));
    }

    @Test
    void aReplySlowerThanTheBudgetFallsBackInTime() {
        server.then(Reply.completion("[\"poetry\"]").after(3_000));
        assertFallsBackInTime("timeout");
    }

    @Test
    void aServerErrorIsRetriedOnceWithinTheBudget() {
        server.then(Reply.status(503), Reply.completion("[\"poetry\"]"));
        route("Write a poem " + UUID.randomUUID()).statusCode(200).body("tagger", equalTo("remote"));
        assertEquals(2, server.received().size());
    }

    @Test
    void serverErrorsFallBack() {
        server.otherwise(Reply.status(500));
        assertFallsBackInTime("http_5xx");
        assertEquals(2, server.received().size(), "one call and one retry");
    }

    @Test
    void rateLimitingFallsBackWithoutRetrying() {
        server.otherwise(Reply.status(429));
        assertFallsBackInTime("http_429");
        assertEquals(1, server.received().size());
    }

    @Test
    void aWrongKeyFallsBack() {
        server.otherwise(Reply.status(401));
        assertFallsBackInTime("http_4xx");
    }

    @Test
    void garbageEmptyChoicesTaglessAndOversizedRepliesAreBadOutput() {
        server.then(new Reply(200, "<html>502 Bad Gateway</html>", 0));
        assertFallsBackInTime("bad_output");
        server.then(new Reply(200, "{\"id\":\"x\",\"choices\":[]}", 0));
        assertFallsBackInTime("bad_output");
        server.then(Reply.completion("I cannot help with that."));
        assertFallsBackInTime("bad_output");
        server.then(Reply.completion("[\"poetry\"]" + " ".repeat(200_000)));
        assertFallsBackInTime("bad_output");
    }

    @Test
    void markupAndSingleLettersAlignToNothingAndAreEchoedClean() {
        server.then(Reply.completion("[\"<script>document.cookie</script>\", \"d\", \"" + "x".repeat(200)
                + "\"]"));
        route("Write a poem about the sea " + UUID.randomUUID()).statusCode(200)
                .body("fallbackReason", equalTo("bad_output"))
                .body("tagger", equalTo("rules"))
                .body("unmatchedTags", everyItem(not(containsString("<"))))
                .body("unmatchedTags.size()", equalTo(3))
                .body("unmatchedTags", everyItem(matchesPattern("[\\w .#+&'/-]{1,64}")));
    }

    @Test
    void aReplyThatNeverEndsIsCutAtTheByteLimitInTime() {
        server.then(Reply.endless());
        assertFallsBackInTime("bad_output");
        given().get("/q/health/live").then().statusCode(200);
    }

    @Test
    void aFiftyMegabyteReplyIsRefusedByItsLengthInTime() {
        server.then(Reply.ofSize(50L << 20));
        assertFallsBackInTime("bad_output");
        given().get("/q/health/live").then().statusCode(200);
    }

    @Test
    void aRefusedConnectionFallsBack() throws Exception {
        server.refuseConnections();
        try {
            assertFallsBackInTime("unreachable");
        } finally {
            server.listenAgain();
        }
    }

    @Test
    void theCircuitOpensAfterRepeatedFailuresAndClosesAgain() throws Exception {
        server.otherwise(Reply.status(429));
        for (int i = 0; i < RemoteTaggerResource.BREAKER_VOLUME; i++) {
            assertFallsBackInTime("http_429");
        }
        assertEquals(CircuitBreakerState.OPEN, breakers.currentState(RemoteTagGenerator.CIRCUIT_BREAKER));
        int calls = server.received().size();
        assertFallsBackInTime("circuit_open");
        assertEquals(calls, server.received().size(), "an open circuit must not call the endpoint");

        server.otherwise(Reply.completion("[\"poetry\"]"));
        Thread.sleep(RemoteTaggerResource.BREAKER_DELAY_MILLIS + 100);
        route("Write a poem " + UUID.randomUUID()).statusCode(200).body("tagger", equalTo("remote"));
        assertEquals(CircuitBreakerState.CLOSED, breakers.currentState(RemoteTagGenerator.CIRCUIT_BREAKER));
        route("Write a poem " + UUID.randomUUID()).statusCode(200).body("tagger", equalTo("remote"));
    }

    @Test
    void aRepeatedQueryIsAnsweredFromTheCache() {
        String query = "Write a poem about autumn leaves " + UUID.randomUUID();
        server.then(Reply.completion("[\"poetry\"]"));
        route(query).statusCode(200).body("tagger", equalTo("remote"));
        // Same query after normalisation (case, spacing): no second call.
        route("  " + query.toUpperCase() + " ").statusCode(200).body("tagger", equalTo("remote"))
                .body("tags.tag", contains("poem"));
        assertEquals(1, server.received().size());
    }

    @Test
    void theFunqyEndpointTagsRemotelyToo() {
        server.then(Reply.completion("[\"poetry\"]"));
        given().contentType(ContentType.JSON).body("{\"query\": \"Write a poem " + UUID.randomUUID() + "\"}")
                .post("/route").then().statusCode(200).body("tagger", equalTo("remote"));
    }

    @Test
    void callsAndFallbacksShowOnTheMetricsEndpoint() {
        server.then(Reply.completion("[\"poetry\"]"), Reply.status(429));
        route("Write a poem " + UUID.randomUUID()).statusCode(200).body("tagger", equalTo("remote"));
        assertFallsBackInTime("http_429");
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("tagrouter_remote_tagger_calls_seconds_count{outcome=\"ok\"}"))
                .body(containsString("tagrouter_remote_tagger_calls_seconds_count{outcome=\"http_429\"}"))
                .body(containsString("tagrouter_tagger_fallbacks_total{reason=\"http_429\"}"))
                .body(not(containsString(RemoteTaggerResource.API_KEY)));
    }

    private void assertFallsBackInTime(String reason) {
        String query = "Write a poem about the sea " + UUID.randomUUID();
        route(query)
                .time(lessThan(IN_TIME_MILLIS))
                .statusCode(200)
                .body("tagger", equalTo("rules"))
                .body("fallbackReason", equalTo(reason))
                .body("tags.tag", hasItem("poem"));
    }

    private static ValidatableResponse route(String query) {
        return given().contentType(ContentType.JSON).body(body(query, null)).post("/v1/route").then();
    }

    private static ValidatableResponse route(String query, String tagger) {
        return given().contentType(ContentType.JSON).body(body(query, tagger)).post("/v1/route").then();
    }

    private static String body(String query, String tagger) {
        return "{\"query\": \"" + query + "\"" + (tagger == null ? "" : ", \"tagger\": \"" + tagger + "\"") + "}";
    }

}
