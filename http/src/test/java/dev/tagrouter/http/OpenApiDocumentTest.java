package dev.tagrouter.http;

import io.quarkus.smallrye.openapi.runtime.OpenApiDocumentService;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.openapi.runtime.io.Format;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The OpenAPI document the service serves is the one the OpenAPI extension generates from this code: the extension is
 * a test dependency, so here it generates the document, and this test fails when the committed copy
 * ({@code src/main/resources/openapi}) differs. Regenerate it with
 * {@code ./mvnw -B -o -pl http -am verify -Dtest=OpenApiDocumentTest -Dsurefire.failIfNoSpecifiedTests=false
 * -DskipITs -Dregenerate-openapi=true} (that run still serves the old copy from target/classes: run the tests again).
 */
@QuarkusTest
class OpenApiDocumentTest {

    private static final Path COMMITTED = Path.of("src", "main", "resources");

    @Inject
    OpenApiDocumentService extension;

    @Test
    void theCommittedDocumentIsTheOneTheExtensionGeneratesFromTheCode() throws IOException {
        for (Format format : List.of(Format.JSON, Format.YAML)) {
            String resource = format == Format.JSON
                    ? OpenApiDocumentRoute.JSON_RESOURCE : OpenApiDocumentRoute.YAML_RESOURCE;
            String generated = new String(extension.getDocument("<default>", format), StandardCharsets.UTF_8);
            assertTrue(generated.contains("/v1/route"), generated);
            if (Boolean.getBoolean("regenerate-openapi")) {
                Files.writeString(COMMITTED.resolve(resource), generated);
            }
            assertEquals(generated, Files.readString(COMMITTED.resolve(resource)), resource
                    + " differs from the document the OpenAPI extension generates: regenerate it (see this test's"
                    + " Javadoc)");
        }
    }

    @Test
    void theDocumentIsServedAsYamlUnlessJsonIsAskedFor() throws IOException {
        String json = Files.readString(COMMITTED.resolve(OpenApiDocumentRoute.JSON_RESOURCE));
        String yaml = Files.readString(COMMITTED.resolve(OpenApiDocumentRoute.YAML_RESOURCE));
        assertEquals(yaml, given().get("/q/openapi").then().statusCode(200)
                .contentType("application/yaml").extract().asString());
        assertEquals(json, given().get("/q/openapi?format=JSON").then().statusCode(200)
                .contentType("application/json").extract().asString());
        assertEquals(json, given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .extract().asString());
        assertEquals(json, given().get("/q/openapi.json").then().statusCode(200).extract().asString());
        assertEquals(yaml, given().accept("application/json").get("/q/openapi.yaml").then().statusCode(200)
                .extract().asString());
    }

    @Test
    void theFormatRulesAreTheExtensions() {
        assertTrue(OpenApiDocumentRoute.wantsJson("/q/openapi.json", null, List.of()));
        assertFalse(OpenApiDocumentRoute.wantsJson("/q/openapi.yml", "application/json", List.of("json")));
        assertTrue(OpenApiDocumentRoute.wantsJson("/q/openapi", "text/html, application/json;q=0.9", List.of()));
        assertTrue(OpenApiDocumentRoute.wantsJson("/q/openapi", null, List.of("Json")));
        assertFalse(OpenApiDocumentRoute.wantsJson("/q/openapi", null, List.of("yaml")));
        assertFalse(OpenApiDocumentRoute.wantsJson("/q/openapi", "*/*", List.of()));
    }
}
