package dev.tagrouter.lambda;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The SnapStart hook before the snapshot, called as Lambda calls it (the CRaC resource's beforeCheckpoint): every
 * priming event goes through the function's handler to the router, and none leaves a decision-log line or a metric.
 */
@QuarkusTest
@TestProfile(SnapStartPrimingTest.Profile.class)
class SnapStartPrimingTest {

    static final Path DECISION_LOG = Path.of(System.getProperty("java.io.tmpdir"),
            "tagrouter-snapstart-priming-" + ProcessHandle.current().pid() + ".jsonl");

    /** The decision log on, in a file the test reads. */
    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("tagrouter.decision-log.enabled", "true", "tagrouter.decision-log.sink", "file",
                    "tagrouter.decision-log.file", DECISION_LOG.toString());
        }
    }

    @Inject
    SnapStartHooks hooks;

    @Inject
    DecisionMetricLinesTest.CapturedLines metricLines;

    @Test
    void primingRoutesEveryKindOfEventAndLeavesNoDecisionLineNorMetric() throws IOException {
        metricLines.clear();
        long logged = decisionLogLines();

        hooks.beforeCheckpoint(null);

        SnapStartHooks.Priming priming = hooks.lastPriming().orElseThrow();
        assertEquals(List.of(), priming.skipped());
        assertEquals(List.of("chat", "code", "math", "gateway chat/completions"),
                priming.routed().stream().map(r -> r.substring(0, r.indexOf(" -> "))).toList());
        for (String routed : priming.routed()) {
            assertTrue(routed.matches(".+ -> FuseChat-.+"), "routed to a model of the table: " + routed);
        }
        assertEquals(0, metricLines.size(), "no metric from priming: " + metricLines);
        assertEquals(logged, decisionLogLines(), "no decision-log line from priming");

        // The same code query as a real event: the same model, and now it is logged and counted.
        String model = given().contentType(ContentType.JSON)
                .body(PrimingEvent.ALL.get(1).json())
                .when().post()
                .then().statusCode(200)
                .extract().path("model");
        assertTrue(priming.routed().contains("code -> " + model), priming.routed() + " vs " + model);
        assertEquals(1, metricLines.size(), metricLines.toString());
        assertEquals(logged + 1, decisionLogLines());
    }

    private static long decisionLogLines() throws IOException {
        if (!Files.exists(DECISION_LOG)) {
            return 0;
        }
        try (var lines = Files.lines(DECISION_LOG)) {
            return lines.count();
        }
    }
}
