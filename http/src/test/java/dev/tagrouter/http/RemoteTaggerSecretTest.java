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

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** As deployed by infra/: the remote tagger's API key is read from Secrets Manager at start-up, by the secret's ARN. */
@QuarkusTest
@TestProfile(RemoteTaggerSecretTest.Profile.class)
class RemoteTaggerSecretTest {

    /** The secret exists. */
    public static class Profile implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(RemoteTaggerSecretResource.class));
        }
    }

    FakeChatCompletionsServer generator;
    FakeSecretsManager secrets;

    @Test
    void sendsTheKeyFromTheSecretAsBearerToken() {
        generator.then(FakeChatCompletionsServer.Reply.completion("[\"poetry\", \"creative writing\"]"));
        given().contentType(ContentType.JSON)
                .body("{\"query\":\"Write a haiku about autumn leaves\"}")
                .post("/v1/route")
                .then().statusCode(200)
                .body("tagger", equalTo("remote"))
                .body("fallbackReason", nullValue());

        assertEquals("Bearer " + RemoteTaggerSecretResource.SECRET_VALUE,
                generator.received().get(0).authorization());
        // One signed call at start-up, none per request.
        assertEquals(1, secrets.authorizations().size());
        assertTrue(secrets.authorizations().get(0).startsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/"),
                secrets.authorizations().get(0));
    }
}
