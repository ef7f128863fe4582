package dev.tagrouter.lambda.remote;

import dev.tagrouter.remotetagger.FakeChatCompletionsServer;
import dev.tagrouter.remotetagger.FakeChatCompletionsServer.Reply;
import dev.tagrouter.remotetagger.RemoteTaggerResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The remote tagger through the Lambda binding: remote tags when the generator answers, the rules when it fails. */
@QuarkusTest
@TestProfile(RemoteTaggerLambdaTest.Profile.class)
class RemoteTaggerLambdaTest {

    /** The function with its remote tagger on, against a fake tag generator. */
    public static class Profile implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            // A fresh JVM's first remote call loads the client; this test is about the binding, not the budget.
            return List.of(new TestResourceEntry(RemoteTaggerResource.class,
                    Map.of("tagrouter.tagger.remote.timeout", "5s")));
        }
    }

    FakeChatCompletionsServer server;

    @Test
    void tagsRemotelyAndFallsBackToTheRulesWhenTheGeneratorFails() {
        server.then(Reply.completion("[\"Poetry\", \"creative writing\"]"), Reply.status(503), Reply.status(503));

        given().contentType(ContentType.JSON).body("{\"query\": \"Write a poem about the sea\"}").post()
                .then().statusCode(200)
                .body("tagger", equalTo("remote"))
                .body("fallbackReason", nullValue())
                .body("tags.tag", hasItem("poem"));
        given().contentType(ContentType.JSON).body("{\"query\": \"Write a poem about the mountains\"}").post()
                .then().statusCode(200)
                .body("tagger", equalTo("rules"))
                .body("fallbackReason", equalTo("http_5xx"))
                .body("tags.tag", hasItem("poem"));

        assertEquals("Bearer " + RemoteTaggerResource.API_KEY, server.received().get(0).authorization());
        assertEquals(3, server.received().size(), "one call, then a call and its one retry");
    }
}
