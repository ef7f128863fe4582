package dev.tagrouter.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tagrouter.api.RouteRequestParser;
import dev.tagrouter.cost.TokenEncoding;
import dev.tagrouter.decision.ExplorationPolicy;
import dev.tagrouter.routing.RouteDecision;
import dev.tagrouter.routing.Router;
import dev.tagrouter.routing.RouterSettings;
import dev.tagrouter.table.CompiledTable;
import dev.tagrouter.table.RoutingTableCodec;
import dev.tagrouter.tagging.RuleTagger;
import dev.tagrouter.tagging.TagVocabulary;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * With {@code tagrouter.shadow-table.path} set, every decision log line carries the shadow table's choice, its
 * probability and the shadow table's identity next to the live ones, and the answers are those of the live table
 * alone.
 */
@QuarkusTest
@TestProfile(ShadowTableProfile.class)
class ShadowTableTest {

    private static final String CODE = "Write a Python function that merges two sorted lists.";
    private static final String POEM = "Write a poem about the first snow of the year.";

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void answersAreTheLiveTablesAndEveryLogLineCarriesTheShadowDecision() throws Exception {
        Router withoutShadow = liveRouterAlone();
        long before = lines().size();
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String preference = i % 4 == 3 ? ", \"costPreference\": \"balanced\"" : "";
            bodies.add("{\"query\": \"" + (i % 2 == 0 ? CODE : POEM) + "\", \"requestId\": \"shadow-" + i + "\""
                    + preference + "}");
        }
        Map<String, JsonNode> answers = new HashMap<>();
        for (int i = 0; i < bodies.size(); i++) {
            String path = i % 2 == 0 ? "/route" : "/v1/route";
            JsonNode answer = json.readTree(given().contentType(ContentType.JSON).body(bodies.get(i)).post(path)
                    .then().statusCode(200).extract().asString());
            RouteDecision alone = withoutShadow.route(new RouteRequestParser().parse(json.readTree(bodies.get(i))));
            assertEquals(alone.model(), answer.get("model").asText(), "the shadow changed the answer");
            assertEquals(json.valueToTree(alone.probabilities()), answer.get("probabilities"));
            assertEquals(json.valueToTree(alone.models()), answer.get("models"));
            assertEquals(alone.reason().code().name(), answer.get("reason").get("code").asText());
            assertEquals(alone.reason().message(), answer.get("reason").get("message").asText());
            assertEquals("tiny-test", answer.get("tableVersion").asText());
            answers.put("shadow-" + i, answer);
        }

        List<String> logged = lines().subList((int) before, lines().size());
        assertEquals(bodies.size(), logged.size(), "one line per decision");
        String liveChecksum = null;
        int differentChoices = 0;
        for (String line : logged) {
            JsonNode entry = json.readTree(line);
            String id = entry.get("requestId").asText();
            JsonNode answer = answers.get(id);
            assertEquals(answer.get("model").asText(), entry.get("chosenModel").asText());
            assertEquals(answer.get("probabilities"), entry.get("probabilities"));
            assertEquals(ShadowTableResource.SHADOW_VERSION, entry.get("shadowTableVersion").asText(), line);
            assertTrue(entry.get("shadowTableChecksum").asText().startsWith("sha256:"), line);
            assertNotEquals(entry.get("tableChecksum").asText(), entry.get("shadowTableChecksum").asText());
            liveChecksum = entry.get("tableChecksum").asText();

            JsonNode shadow = entry.get("shadowProbabilities");
            String shadowModel = entry.get("shadowModel").asText();
            double sum = 0;
            for (Iterator<String> m = shadow.fieldNames(); m.hasNext(); ) {
                String model = m.next();
                assertTrue(entry.get("probabilities").has(model), "the shadow decides among the live eligible models");
                assertTrue(shadow.get(model).asDouble() >= 0.1 - 1e-9, "the shadow explores with the same floor");
                sum += shadow.get(model).asDouble();
            }
            assertEquals(1, sum, 1e-9);
            assertEquals(shadow.get(shadowModel).asDouble(), entry.get("shadowProbability").asDouble(), 0);

            boolean sameSettings = "balanced".equals(answer.path("preset").asText());
            if (sameSettings) {
                // Same scores, same knob, same tags, same eligible models, same seed: the same draw.
                assertEquals(entry.get("chosenModel").asText(), shadowModel, line);
                assertEquals(entry.get("probabilities"), shadow, line);
            } else {
                // Live decides at quality (premium is best), the shadow at balanced (specialists where as good).
                assertEquals("premium", mostLikely(entry.get("probabilities")), line);
                assertEquals(id.matches("shadow-\\d*[02468]") ? "coder" : "budget", mostLikely(shadow), line);
                if (!shadowModel.equals(entry.get("chosenModel").asText())) {
                    differentChoices++;
                }
            }
        }
        assertTrue(differentChoices >= 5, "the shadow table should often pick another model: " + differentChoices);
        assertFalse(liveChecksum == null);
    }

    // The service's own live table, tagger and token counter, with no shadow: what the answers must be.
    private static Router liveRouterAlone() throws Exception {
        Path table = Path.of(ConfigProvider.getConfig().getValue("tagrouter.table.path", String.class));
        return new Router(CompiledTable.of(new RoutingTableCodec().read(table)),
                new RuleTagger(TagVocabulary.curated(), 8), TokenEncoding.CL100K_BASE.counter(),
                RouterSettings.DEFAULTS.withExploration(new ExplorationPolicy(0.05, 0.1, 0)), System::nanoTime);
    }

    private static String mostLikely(JsonNode probabilities) {
        String best = null;
        for (Iterator<String> m = probabilities.fieldNames(); m.hasNext(); ) {
            String model = m.next();
            if (best == null || probabilities.get(model).asDouble() > probabilities.get(best).asDouble()) {
                best = model;
            }
        }
        return best;
    }

    private static List<String> lines() throws Exception {
        return Files.exists(ShadowTableProfile.LOG) ? Files.readAllLines(ShadowTableProfile.LOG) : List.of();
    }
}
