package dev.tagrouter.http;

import dev.tagrouter.loop.CliRun;
import dev.tagrouter.loop.MmluTables;
import dev.tagrouter.tagging.RuleTagger;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tagrouter.table.Outcome;
import dev.tagrouter.tablebuilding.DatasetReader;
import dev.tagrouter.tablebuilding.Judgment;
import dev.tagrouter.tablebuilding.PreferenceDataset;
import dev.tagrouter.tablebuilding.Prompt;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The closed loop over HTTP: the service with exploration on routes the MMLU test sample's questions, a stand-in user
 * posts an outcome per answer to {@code /v1/outcomes} (accepted when the chosen model was correct), and the
 * service's one log file, decisions and outcomes together, feeds {@code build-table --from-log} and {@code promote}.
 */
@QuarkusTest
@TestProfile(MmluLoopProfile.class)
class ClosedLoopTest {

    @Test
    void trafficServedOverHttpBuildsACandidateThatTheGatePromotesOverAPoorTable() throws Exception {
        PreferenceDataset data = new DatasetReader().read(MmluLoopProfile.DATA);
        ObjectMapper json = new ObjectMapper();
        List<Map<String, Object>> batch = new ArrayList<>();
        int served = 0;
        // Half the sample keeps the test short; the in-process LoopProofTest serves all of it, and the documented
        // larger run all of routellm-mmlu.
        for (Prompt p : data.prompts().subList(0, data.prompts().size() / 2)) {
            String requestId = "mmlu-" + p.id();
            var response = given().contentType(ContentType.JSON)
                    .body(json.writeValueAsString(Map.of("query", p.text(), "requestId", requestId)))
                    .post("/v1/route");
            if (response.statusCode() != 200) {
                continue; // a question the router refuses: no answer, no outcome
            }
            String model = response.path("model");
            Optional<Boolean> accepted = correct(data, p.id(), model);
            if (accepted.isPresent()) {
                batch.add(Map.of("requestId", requestId, "accepted", accepted.get()));
                served++;
            }
            if (batch.size() == 100) {
                post(json, batch);
            }
        }
        post(json, batch);
        assertTrue(served > 950, "questions served: " + served);

        Path dir = MmluLoopProfile.DIR;
        String log = MmluLoopProfile.LOG.toString();
        Path candidate = dir.resolve("candidate.json");
        CliRun build = CliRun.of("build-table", "--from-log", log, "--outcomes", log, "--base-table",
                MmluLoopProfile.LIVE.toString(), "--out", candidate.toString());
        assertEquals(0, build.exit(), build.out());
        assertTrue(build.out().contains(served + " decisions, " + served + " with an outcome"), build.out());

        var better = MmluTables.table(data, RuleTagger.withCuratedVocabulary(), "mmlu-better", data.prompts());
        Path poor = MmluTables.write(MmluTables.swapped(better, "mmlu-poor"), dir.resolve("poor.json"));
        CliRun promote = CliRun.of("promote", "--live", poor.toString(), "--candidate", candidate.toString(), "--log", log,
                "--outcomes", log);
        assertEquals(0, promote.exit(), promote.out());
        assertTrue(promote.out().startsWith("# Promotion gate: promote"), promote.out());
        Path betterFile = MmluTables.write(better, dir.resolve("better.json"));
        CliRun keep = CliRun.of("promote", "--live", betterFile.toString(), "--candidate", candidate.toString(), "--log", log,
                "--outcomes", log);
        assertEquals(3, keep.exit(), keep.out());
    }

    private static void post(ObjectMapper json, List<Map<String, Object>> batch) throws Exception {
        if (batch.isEmpty()) {
            return;
        }
        given().contentType(ContentType.JSON).body(json.writeValueAsString(batch)).post("/v1/outcomes").then()
                .statusCode(200);
        batch.clear();
    }

    private static Optional<Boolean> correct(PreferenceDataset data, String promptId, String model) {
        Map<String, Judgment> judged = data.judgments().getOrDefault(promptId, Map.of());
        Judgment j = judged.get(model);
        return j == null ? Optional.empty() : MmluTables.MAPPING.outcome(j, judged).map(Outcome::accepted);
    }
}
