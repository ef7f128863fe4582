package dev.tagrouter.lambda.remote;

import dev.tagrouter.function.TaggerFactory;
import dev.tagrouter.remotetagger.RemoteTaggerFactory;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The function with the remote tagger in it but no URL configured: it answers with the rules and never creates the
 * remote tagger's factory, nor the client, guard, cache and key reader that hang off it. It runs with the lambda
 * module's settings, which this module does not repeat.
 */
@QuarkusTest
class RemoteTaggerUnconfiguredLambdaTest {

    @Test
    void withoutAUrlTheRemoteTaggerIsNeverCreated() {
        given().contentType(ContentType.JSON).body("{\"query\": \"Write a poem about the sea\"}").when().post()
                .then().statusCode(200)
                .body("tagger", equalTo("rules"))
                .body("fallbackReason", nullValue());
        assertFalse(CreatedSingletons.classes().contains(RemoteTaggerFactory.class));
        assertTrue(CreatedSingletons.classes().contains(TaggerFactory.class), "the check sees created singletons");
    }

    @Test
    void theLambdaModulesApplicationPropertiesApply() {
        var config = ConfigProvider.getConfig();
        assertEquals("route", config.getValue("quarkus.funqy.export", String.class));
        assertEquals(Boolean.TRUE, config.getValue("quarkus.snapstart.full-warmup", Boolean.class));
        assertEquals("OFF", config.getValue(
                "quarkus.log.category.\"io.quarkus.amazon.lambda.runtime.AbstractLambdaPollLoop\".level", String.class));
    }
}
