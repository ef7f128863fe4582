package dev.tagrouter.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every decision of the Lambda function leaves one CloudWatch Embedded Metric Format line, without the query. */
@QuarkusTest
class DecisionMetricLinesTest {

    @Inject
    CapturedLines lines;

    @Test
    void aDecisionWritesOneEmbeddedMetricLine() throws Exception {
        lines.clear();
        String model = given().contentType(ContentType.JSON)
                .body("{\"query\": \"Write a Python function that reverses a secretword string.\"}")
                .when().post()
                .then().statusCode(200)
                .extract().path("model");
        assertEquals(1, lines.size(), lines.toString());
        String line = lines.get(0);
        assertFalse(line.contains("secretword"), "the query must not reach the logs: " + line);
        JsonNode json = new ObjectMapper().readTree(line);
        JsonNode directive = json.path("_aws").path("CloudWatchMetrics").get(0);
        assertEquals("tagrouter", directive.path("Namespace").asText());
        assertTrue(json.path("_aws").path("Timestamp").asLong() > 0);
        List<String> names = directive.path("Metrics").findValuesAsText("Name");
        assertEquals(List.of("Decisions", "EstimatedCostUsd", "DecisionLatency", "TaggerFallbacks"), names);
        for (String name : names) {
            assertTrue(json.path(name).isNumber(), name + " has no value: " + line);
        }
        assertEquals("[[\"model\",\"tagger\",\"reason\"]]", directive.path("Dimensions").toString());
        assertEquals(model, json.path("model").asText());
        assertEquals("rules", json.path("tagger").asText());
        assertFalse(json.path("reason").asText().isEmpty());
    }

    @Test
    void aRefusedEventWritesNoMetricLine() {
        lines.clear();
        given().contentType(ContentType.JSON).body("{\"query\": 7}").when().post().then().statusCode(500);
        assertEquals(0, lines.size(), lines.toString());
    }

    /** Keeps the lines instead of printing them. */
    @Alternative
    @Priority(1)
    @ApplicationScoped
    static class CapturedLines extends DecisionMetricLines.MetricLineSink {
        private final List<String> lines = new CopyOnWriteArrayList<>();

        @Override
        public void accept(String line) {
            lines.add(line);
        }

        void clear() {
            lines.clear();
        }

        int size() {
            return lines.size();
        }

        String get(int i) {
            return lines.get(i);
        }

        @Override
        public String toString() {
            return lines.toString();
        }
    }
}
