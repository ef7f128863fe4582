package dev.tagrouter.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** With exploration on, decisions are drawn from logged probabilities and every one lands in the decision log. */
@QuarkusTest
@TestProfile(ExplorationProfile.class)
class ExplorationTest {

    private static final String CODE = "Write a Python function that merges two sorted lists.";

    @Test
    void decisionsAreDrawnReplayablyAndLoggedWithTheirProbabilities() throws Exception {
        long before = Files.exists(ExplorationProfile.LOG) ? Files.readAllLines(ExplorationProfile.LOG).size() : 0;
        Set<String> models = new HashSet<>();
        for (int i = 0; i < 60; i++) {
            String path = i % 2 == 0 ? "/route" : "/v1/route";
            String model = given().contentType(ContentType.JSON)
                    .body("{\"query\": \"" + CODE + "\", \"requestId\": \"req-" + i + "\", \"sessionId\": \"s-1\"}")
                    .post(path).then().statusCode(200).extract().path("model");
            models.add(model);
        }
        assertTrue(models.size() >= 2, "exploration should try more than the decider's choice: " + models);
        String first = given().contentType(ContentType.JSON).body("{\"query\": \"" + CODE + "\", \"requestId\": \"req-3\"}")
                .post("/v1/route").then().extract().path("model");
        String again = given().contentType(ContentType.JSON).body("{\"query\": \"" + CODE + "\", \"requestId\": \"req-3\"}")
                .post("/route").then().extract().path("model");
        assertEquals(first, again, "the same request id replays the same draw");

        List<String> lines = Files.readAllLines(ExplorationProfile.LOG);
        assertEquals(before + 62, lines.size());
        ObjectMapper json = new ObjectMapper();
        for (String line : lines.subList((int) before, lines.size())) {
            JsonNode entry = json.readTree(line);
            assertTrue(entry.get("requestId").asText().startsWith("req-"));
            assertTrue(entry.get("queryHash").asText().startsWith("sha256:"));
            assertTrue(entry.get("query").isNull(), "prompts are not logged unless asked");
            assertFalse(line.contains("merges two sorted lists"), "the query text must not leak into the log");
            double sum = 0;
            for (JsonNode p : entry.get("probabilities")) {
                assertTrue(p.asDouble() >= 0.2 - 1e-9, "the floor holds: " + line);
                sum += p.asDouble();
            }
            assertEquals(1, sum, 1e-9);
            assertTrue(entry.get("probabilities").has(entry.get("chosenModel").asText()));
            assertEquals("tiny-test", entry.get("tableVersion").asText());
            assertTrue(entry.get("tableChecksum").asText().startsWith("sha256:"));
            assertTrue(entry.get("tags").toString().contains("python"));
        }
    }
}
