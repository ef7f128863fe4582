package dev.tagrouter.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tagrouter.cli.TagrouterCli;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code POST /v1/outcomes}: validated, idempotent per request id, written next to the decisions it joins. */
@QuarkusTest
@TestProfile(ExplorationProfile.class)
class OutcomesTest {

    @Test
    void outcomesAreLoggedOncePerRequestIdAndJoinTheirDecisions() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 3; i++) {
            given().contentType(ContentType.JSON).body("{\"query\": \"Write a Python function that reverses a list.\","
                    + " \"requestId\": \"" + run + "-" + i + "\"}").post("/v1/route").then().statusCode(200);
        }
        given().contentType(ContentType.JSON).body("{\"requestId\": \"" + run + "-0\", \"accepted\": true,"
                        + " \"costUsd\": 0.0002, \"latencyMs\": 850}")
                .post("/v1/outcomes").then().statusCode(200).body("recorded", equalTo(1)).body("duplicates", equalTo(0));
        given().contentType(ContentType.JSON).body("[{\"requestId\": \"" + run + "-0\", \"accepted\": false},"
                        + " {\"requestId\": \"" + run + "-1\", \"score\": 0.25},"
                        + " {\"requestId\": \"" + run + "-2\", \"accepted\": false},"
                        + " {\"requestId\": \"" + run + "-2\", \"accepted\": true}]")
                .post("/v1/outcomes").then().statusCode(200).body("recorded", equalTo(2)).body("duplicates", equalTo(2));

        List<String> lines = Files.readAllLines(ExplorationProfile.LOG);
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> outcomes = lines.stream().map(l -> read(json, l))
                .filter(n -> n.get("requestId").asText().startsWith(run) && !n.has("chosenModel")).toList();
        assertEquals(3, outcomes.size(), outcomes.toString());
        assertTrue(outcomes.get(0).get("accepted").asBoolean(), "the first outcome of an id wins");
        assertEquals(0.0002, outcomes.get(0).get("costUsd").asDouble());
        assertEquals(0.25, outcomes.get(1).get("score").asDouble());
        assertFalse(outcomes.get(2).get("accepted").asBoolean());
        assertTrue(outcomes.get(0).get("timestamp").asText().endsWith("Z"));

        // The decision log file, with decisions and outcomes interleaved, is both inputs of the offline tools.
        Path log = Files.createTempDirectory("outcomes").resolve("log.jsonl");
        Files.write(log, lines.stream().filter(l -> l.contains("\"" + run + "-")).toList());
        String table = org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getValue("tagrouter.table.path", String.class);
        PrintStream original = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            assertEquals(0, TagrouterCli.run("ope", "--log", log.toString(), "--outcomes", log.toString(), "--table",
                    table));
        } finally {
            System.setOut(original);
        }
        assertTrue(buffer.toString(StandardCharsets.UTF_8).contains("3 decisions, 3 with an outcome"),
                buffer.toString(StandardCharsets.UTF_8));
    }

    @Test
    void badOutcomesGetAJsonErrorNamingTheField() {
        expectError("{\"requestId\": \"x\", \"accepted\": true, \"query\": \"my secret prompt\"}", 400,
                "UNKNOWN_FIELD", "'query'");
        expectError("{\"accepted\": true}", 400, "INVALID_FIELD", "'requestId'");
        expectError("{\"requestId\": \"x\"}", 400, "INVALID_FIELD", "exactly one of");
        expectError("{\"requestId\": \"x\", \"accepted\": true, \"score\": 1}", 400, "INVALID_FIELD", "exactly one of");
        expectError("{\"requestId\": \"x\", \"score\": 1.5}", 400, "INVALID_FIELD", "'score' must be a finite number in [0, 1]");
        expectError("{\"requestId\": \"x\", \"accepted\": \"yes\"}", 400, "INVALID_FIELD", "'accepted' must be true or false");
        expectError("[{\"requestId\": \"x\", \"accepted\": true}, {\"requestId\": \"y\", \"costUsd\": -1, \"accepted\": true}]",
                400, "INVALID_FIELD", "'[1].costUsd' must be a finite number >= 0");
        expectError("[]", 400, "INVALID_FIELD", "empty");
        expectError("[1]", 400, "INVALID_FIELD", "Item [0] must be a JSON object");
        expectError("{\"requestId\": ", 400, "MALFORMED_JSON", "not valid JSON");
        expectError("{\"requestId\": \"" + "r".repeat(300) + "\", \"accepted\": true}", 400, "INPUT_TOO_LARGE",
                "longer than 256");
        StringBuilder many = new StringBuilder("[");
        for (int i = 0; i < 1001; i++) {
            many.append(i == 0 ? "" : ",").append("{\"requestId\": \"m").append(i).append("\", \"accepted\": true}");
        }
        expectError(many.append(']').toString(), 400, "INPUT_TOO_LARGE", "At most 1000 outcomes");
        given().contentType(ContentType.TEXT).body("x").post("/v1/outcomes").then().statusCode(415)
                .body("code", equalTo("UNSUPPORTED_MEDIA_TYPE"));
        given().get("/v1/outcomes").then().statusCode(405).body("code", equalTo("METHOD_NOT_ALLOWED"));
    }

    private static void expectError(String body, int status, String code, String message) {
        given().contentType(ContentType.JSON).body(body).post("/v1/outcomes").then().statusCode(status)
                .body("code", equalTo(code)).body("message", containsString(message));
    }

    private static JsonNode read(ObjectMapper json, String line) {
        try {
            return json.readTree(line);
        } catch (Exception e) {
            throw new AssertionError(line, e);
        }
    }
}
