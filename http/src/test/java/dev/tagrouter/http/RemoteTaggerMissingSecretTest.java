package dev.tagrouter.http;

import dev.tagrouter.remotetagger.FakeChatCompletionsServer;
import dev.tagrouter.remotetagger.FakeSecretsManager;
import dev.tagrouter.remotetagger.RemoteTaggerSecretResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** A secret that cannot be read turns the remote tagger off, not the router: every query is tagged by the rules. */
@QuarkusTest
@TestProfile(RemoteTaggerMissingSecretTest.Profile.class)
class RemoteTaggerMissingSecretTest {

    /** The configured ARN names no secret. */
    public static class Profile implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(RemoteTaggerSecretResource.class,
                    Map.of("secret-arn", "arn:aws:secretsmanager:eu-west-1:123456789012:secret:no-such-secret")));
        }
    }

    FakeChatCompletionsServer generator;
    FakeSecretsManager secrets;

    @Test
    void routesWithTheRulesAndSaysTheRemoteIsNotConfigured() {
        given().contentType(ContentType.JSON)
                .body("{\"query\":\"Write a haiku about autumn leaves\"}")
                .post("/v1/route")
                .then().statusCode(200)
                .body("tagger", equalTo("rules"))
                .body("fallbackReason", equalTo("not_configured"));

        assertEquals(1, secrets.authorizations().size());
        assertEquals(0, generator.received().size());
    }
}
