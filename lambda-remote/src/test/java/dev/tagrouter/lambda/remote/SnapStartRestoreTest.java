package dev.tagrouter.lambda.remote;

import dev.tagrouter.lambda.SnapStartHooks;
import dev.tagrouter.remotetagger.FakeChatCompletionsServer;
import dev.tagrouter.remotetagger.FakeChatCompletionsServer.Reply;
import dev.tagrouter.remotetagger.FakeSecretsManager;
import dev.tagrouter.remotetagger.RemoteTaggerFactory;
import dev.tagrouter.remotetagger.RemoteTaggerSecretResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The SnapStart hooks with a remote tagger whose key is in Secrets Manager, as infra/ deploys it: priming calls
 * neither the tagger nor anything else outside the function, and a restore reads the secret again, so a key rotated
 * since the snapshot is the one sent.
 */
@QuarkusTest
@TestProfile(SnapStartRestoreTest.Profile.class)
class SnapStartRestoreTest {

    static final String ROTATED = "sk-rotated-after-the-snapshot";

    /** The remote tagger on, its key read from a fake Secrets Manager. */
    public static class Profile implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(RemoteTaggerSecretResource.class));
        }
    }

    @Inject
    SnapStartHooks hooks;

    FakeChatCompletionsServer generator;
    FakeSecretsManager secrets;

    @Test
    void primingStaysInsideAndARestoreReadsTheRotatedKey() {
        int secretReads = secrets.authorizations().size();

        hooks.beforeCheckpoint(null);

        SnapStartHooks.Priming priming = hooks.lastPriming().orElseThrow();
        assertEquals(3, priming.routed().size(), priming.toString());
        assertEquals(List.of("gateway chat/completions"), priming.skipped(), "its tags would come from the remote");
        assertEquals(0, generator.received().size(), "no call to the remote tagger before the snapshot");

        secrets.rotate(RemoteTaggerSecretResource.SECRET_ARN, ROTATED);
        hooks.afterRestore(null);

        assertTrue(hooks.lastRestore().orElseThrow().remoteKeyReloaded());
        assertEquals(secretReads + 1, secrets.authorizations().size(), "one read of the secret per restore");
        generator.then(Reply.completion("[\"poetry\"]"));
        given().contentType(ContentType.JSON).body("{\"query\": \"Write a haiku about the sea\"}").post()
                .then().statusCode(200)
                .body("tagger", equalTo("remote"));
        assertEquals("Bearer " + ROTATED, generator.received().get(generator.received().size() - 1).authorization());
        assertTrue(CreatedSingletons.classes().contains(RemoteTaggerFactory.class), "configured, so created");
    }
}
