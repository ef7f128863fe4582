package dev.tagrouter.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The file decision log keeps every decision whatever one request holds, survives rotation, and counts the writes it
 * could not make instead of losing them silently.
 */
@QuarkusTest
@TestProfile(DecisionLogProfile.class)
class DecisionLogFileTest {

    private static final Path LOG = DecisionLogProfile.LOG;
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aLoneSurrogateIsWrittenSafelyAndLaterDecisionsAreKept() throws Exception {
        long before = lines(LOG).size();
        route("{\"query\": \"Write a poem.\", \"sessionId\": \"\\ud800\", \"requestId\": \"lone-surrogate\"}");
        for (int i = 0; i < 5; i++) {
            route("{\"query\": \"Write a poem.\", \"requestId\": \"after-" + i + "\"}");
        }
        List<String> lines = lines(LOG);
        assertEquals(before + 6, lines.size(), "every decision is one line: " + lines);
        JsonNode surrogate = json.readTree(lines.get((int) before));
        assertEquals("lone-surrogate", surrogate.get("requestId").asText());
        assertEquals("\ud800", surrogate.get("sessionId").asText());
        assertEquals("after-4", json.readTree(lines.get(lines.size() - 1)).get("requestId").asText());
    }

    @Test
    void aRotatedFileIsReopenedAndAnUnwritableOneIsCounted() throws Exception {
        route("{\"query\": \"Write a poem.\", \"requestId\": \"before-rotation\"}");
        Path rotated = LOG.resolveSibling("decisions.jsonl.1");
        Files.deleteIfExists(rotated);
        Files.move(LOG, rotated);
        route("{\"query\": \"Write a poem.\", \"requestId\": \"after-rotation\"}");
        assertTrue(Files.exists(LOG), "the renamed log was not reopened");
        assertEquals("after-rotation", json.readTree(lines(LOG).get(0)).get("requestId").asText());
        assertTrue(lines(rotated).stream().noneMatch(l -> l.contains("after-rotation")));

        double failuresBefore = failures();
        Files.move(LOG, rotated, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.createDirectory(LOG); // the sink cannot reopen its file: a failed write, counted, not a failed route
        try {
            route("{\"query\": \"Write a poem.\", \"requestId\": \"unwritable\"}");
            assertEquals(failuresBefore + 1, failures());
        } finally {
            Files.delete(LOG);
        }
        route("{\"query\": \"Write a poem.\", \"requestId\": \"recovered\"}");
        assertEquals("recovered", json.readTree(lines(LOG).get(lines(LOG).size() - 1)).get("requestId").asText());
    }

    private static void route(String body) {
        given().contentType(ContentType.JSON).body(body).post("/v1/route").then().statusCode(200);
    }

    private static double failures() {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(l -> l.startsWith("tagrouter_decision_log_write_failures_total"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    private static List<String> lines(Path file) throws Exception {
        return Files.exists(file) ? Files.readAllLines(file) : List.of();
    }
}
