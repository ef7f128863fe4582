package dev.tagrouter.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import dev.tagrouter.cli.TagrouterCli;
import dev.tagrouter.table.RoutingTable;
import dev.tagrouter.table.RoutingTableCodec;
import dev.tagrouter.scoring.ScoringParameters;
import dev.tagrouter.tablebuilding.BuildOptions;
import dev.tagrouter.tablebuilding.DatasetReader;
import dev.tagrouter.tablebuilding.OutcomeMapping;
import dev.tagrouter.tablebuilding.PreferenceDataset;
import dev.tagrouter.tablebuilding.PromptTagging;
import dev.tagrouter.tablebuilding.TableBuilder;
import dev.tagrouter.tagging.RuleTagger;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
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
        evaluateASecondTableOnTheLog(lines.subList((int) before, lines.size()), json);
    }

    // Issue "Evolve safely", end to end: the log just written, outcomes joined by request id, a second table judged
    // by the ope command. In the made-up data only the code specialist answers code well, and the second table picks it.
    private static void evaluateASecondTableOnTheLog(List<String> lines, ObjectMapper json) throws Exception {
        Path dir = Files.createTempDirectory("ope-e2e");
        Path log = Files.write(dir.resolve("decisions.jsonl"), lines);
        StringBuilder outcomes = new StringBuilder();
        for (String line : lines) {
            JsonNode entry = json.readTree(line);
            outcomes.append(String.format("{\"requestId\": \"%s\", \"accepted\": %s}%n", entry.get("requestId").asText(),
                    entry.get("chosenModel").asText().equals("coder")));
        }
        Path outcomeFile = Files.writeString(dir.resolve("outcomes.jsonl"), outcomes);
        PreferenceDataset data = new DatasetReader().read(TinyTableResource.DATASET);
        RuleTagger tagger = RuleTagger.withCuratedVocabulary();
        RoutingTable second = new TableBuilder().build(data, PromptTagging.tagAll(data.prompts(), tagger),
                PromptTagging.aliases(tagger.vocabulary().tags()), tagger.name(),
                new BuildOptions("tiny-tie-half", List.of("budget", "coder", "premium"), new OutcomeMapping(0.1, null),
                        ScoringParameters.PAPER.withTieScore(0.5), 1, 0.5, 4.0, 400));
        Path table = dir.resolve("second.json");
        try (var out = Files.newOutputStream(table)) {
            new RoutingTableCodec().write(second, out);
        }
        java.io.ByteArrayOutputStream buffer = new java.io.ByteArrayOutputStream();
        java.io.PrintStream original = System.out;
        System.setOut(new java.io.PrintStream(buffer, true, java.nio.charset.StandardCharsets.UTF_8));
        int exit;
        try {
            exit = TagrouterCli.run("ope", "--log", log.toString(), "--outcomes", outcomeFile.toString(),
                    "--table", table.toString(), "--window-seconds", "0.5");
        } finally {
            System.setOut(original);
        }
        String report = buffer.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(0, exit, report);
        assertTrue(report.contains("candidate table tiny-tie-half (cost preference 0.0): 62 decisions, 62 with an outcome,"
                + " 62 routable"),
                report);
        java.util.regex.Matcher snipw = java.util.regex.Pattern.compile("(?m)^SNIPW\\s+([0-9.]+)").matcher(report);
        assertTrue(snipw.find(), report);
        assertEquals(1.0, Double.parseDouble(snipw.group(1)), 1e-9, "the candidate always picks the accepted model");
        assertTrue(report.contains("SN-IntIPW (count)"), report);
        assertTrue(report.contains("estimated cost per decision: logged "), report);
    }
}
