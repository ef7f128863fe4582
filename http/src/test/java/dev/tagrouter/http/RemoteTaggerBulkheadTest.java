package dev.tagrouter.http;

import dev.tagrouter.remotetagger.FakeChatCompletionsServer;
import dev.tagrouter.remotetagger.RemoteTaggerResource;
import dev.tagrouter.remotetagger.FakeChatCompletionsServer.Reply;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.lessThan;

/**
 * With every call slot of the remote tagger taken, further queries are not queued behind a slow generator: the rules
 * tag them at once, with fallbackReason busy.
 */
@QuarkusTest
@TestProfile(RemoteTaggerBulkheadTest.Profile.class)
class RemoteTaggerBulkheadTest {

    private static final int CONCURRENT_QUERIES = 8;

    /** One call in flight and one waiting, at most. */
    public static class Profile implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(RemoteTaggerResource.class,
                    Map.of("tagrouter.tagger.remote.max-concurrent-calls", "1")));
        }
    }

    FakeChatCompletionsServer server;

    @Test
    void queriesBeyondTheCallSlotsAreTaggedByTheRulesAsBusy() throws Exception {
        // The JVM's first request pays REST Assured's and the HTTP stack's start-up, which is not what we time.
        given().contentType(ContentType.JSON).body("{\"query\": \"warm up\", \"tagger\": \"rules\"}")
                .post("/v1/route").then().statusCode(200);
        // Slower than the budget: each call holds its slot for the whole budget.
        server.otherwise(Reply.completion("[\"poetry\"]").after(3 * RemoteTaggerResource.TIMEOUT_MILLIS));
        ExecutorService callers = Executors.newFixedThreadPool(CONCURRENT_QUERIES);
        try {
            List<Future<JsonPath>> answers = new ArrayList<>();
            for (int i = 0; i < CONCURRENT_QUERIES; i++) {
                Callable<JsonPath> call = () -> given().contentType(ContentType.JSON)
                        .body("{\"query\": \"Write a poem about the sea " + UUID.randomUUID() + "\"}")
                        .post("/v1/route")
                        .then().statusCode(200).time(lessThan(RemoteTaggerResource.TIMEOUT_MILLIS + 1_000))
                        .extract().jsonPath();
                answers.add(callers.submit(call));
            }
            List<String> taggers = new ArrayList<>();
            List<String> reasons = new ArrayList<>();
            for (Future<JsonPath> answer : answers) {
                taggers.add(answer.get().getString("tagger"));
                reasons.add(answer.get().getString("fallbackReason"));
            }
            assertThat(taggers, everyItem(equalTo("rules")));
            assertThat(reasons, hasItem("busy"));
        } finally {
            callers.shutdownNow();
        }
    }
}
