package dev.tagrouter.decision;

import dev.tagrouter.routing.RouteDecision;
import dev.tagrouter.routing.Router;
import dev.tagrouter.routing.RouterSettings;
import dev.tagrouter.routing.RouteRequest;
import dev.tagrouter.table.CompiledTable;
import dev.tagrouter.testing.KeywordTagger;
import dev.tagrouter.testing.TinyData;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExplorationPolicyTest {

    private static final Candidate A = new Candidate("a", 10, 0.001);
    private static final Candidate B = new Candidate("b", 8, 0.002);
    private static final Candidate C = new Candidate("c", 2, 0.003);
    private static final List<Candidate> POOL = List.of(A, B, C);

    @Test
    void probabilitiesSumToOneAndRespectTheFloor() {
        for (double floor : new double[]{0, 0.05, 0.2, 0.5}) {
            for (double temperature : new double[]{0.1, 1, 10, 1000}) {
                double[] p = new ExplorationPolicy(temperature, floor, 0).probabilities(POOL, B);
                assertEquals(1, p[0] + p[1] + p[2], 1e-12);
                for (double pi : p) {
                    assertTrue(pi >= Math.min(floor, 1.0 / 3) - 1e-12, "floor " + floor + " broken: " + pi);
                }
            }
        }
    }

    @Test
    void aColdPolicyWithoutFloorIsTheDecider() {
        double[] p = new ExplorationPolicy(1e-3, 0, 0).probabilities(POOL, B);
        assertEquals(0.5, p[0], 1e-9, "the decider's choice is lifted to the best score, so it ties with a");
        assertEquals(0.5, p[1], 1e-9);
        assertEquals(0, p[2], 1e-9);
        double[] chosenBest = new ExplorationPolicy(1e-3, 0, 0).probabilities(POOL, A);
        assertEquals(1, chosenBest[0], 1e-9);
    }

    @Test
    void drawsAreReplayableAndFollowTheProbabilities() {
        ExplorationPolicy policy = new ExplorationPolicy(2, 0.1, 42);
        double[] p = policy.probabilities(POOL, A);
        assertEquals(policy.sample(p, "request-7"), policy.sample(p, "request-7"));
        int[] counts = new int[3];
        int n = 20_000;
        for (int i = 0; i < n; i++) {
            counts[policy.sample(p, "request-" + i)]++;
        }
        for (int i = 0; i < 3; i++) {
            double se = Math.sqrt(p[i] * (1 - p[i]) / n);
            assertEquals(p[i], counts[i] / (double) n, 5 * se, "model " + i);
        }
    }

    @Test
    void theRouterReportsTheProbabilitiesAndTheDrawnModel() {
        // At -0.5 the rule sends code to coder; the temperature is in accept-rate points on a calibrated table.
        ExplorationPolicy policy = new ExplorationPolicy(0.2, 0.2, 1);
        Router router = new Router(CompiledTable.of(TinyData.table()), new KeywordTagger(), text -> 10,
                RouterSettings.DEFAULTS.withCostPreference(CostPreference.of(-0.5)).withExploration(policy),
                System::nanoTime);
        int explored = 0;
        for (int i = 0; i < 200; i++) {
            RouteDecision d = router.route(RouteRequest.of("Write a Python function").withRequestId("r" + i));
            assertEquals("r" + i, d.requestId());
            assertEquals(1, d.probabilities().values().stream().mapToDouble(Double::doubleValue).sum(), 1e-12);
            assertTrue(d.probabilities().values().stream().allMatch(v -> v >= 0.2 - 1e-12));
            assertTrue(d.probabilities().get("coder") >= d.probabilities().get("budget"),
                    "the rule's choice is lifted to the best estimate");
            if (d.reason().code() == DecisionReason.EXPLORATION) {
                explored++;
                assertTrue(d.reason().message().contains("instead of coder"), d.reason().message());
                assertTrue(!d.model().equals("coder"), d.model());
            } else {
                assertEquals("coder", d.model());
                assertEquals(DecisionReason.CHEAPER_WITHIN_PREFERENCE, d.reason().code());
            }
        }
        assertTrue(explored > 20 && explored < 180, "explored " + explored + " of 200");
    }

    @Test
    void aQueryWithoutAKnownTagIsExploredAroundThePriors() {
        ExplorationPolicy policy = new ExplorationPolicy(0.2, 0.1, 1);
        Router router = new Router(CompiledTable.of(TinyData.table()), new KeywordTagger(), text -> 10,
                RouterSettings.DEFAULTS.withExploration(policy), System::nanoTime);
        RouteDecision d = router.route(RouteRequest.of("hello").withRequestId("r-1"));
        assertEquals(1, d.probabilities().values().stream().mapToDouble(Double::doubleValue).sum(), 1e-12);
        assertTrue(d.probabilities().get("premium") > d.probabilities().get("coder"));
        assertTrue(d.probabilities().get("coder") > d.probabilities().get("budget"), "coder's prior is higher");
        assertTrue(d.reason().code() == DecisionReason.NO_KNOWN_TAG || d.reason().code() == DecisionReason.EXPLORATION,
                d.reason().toString());
    }

    @Test
    void explorationNeedsARequestId() {
        Router router = new Router(CompiledTable.of(TinyData.table()), new KeywordTagger(), text -> 10,
                RouterSettings.DEFAULTS.withExploration(new ExplorationPolicy(1, 0.1, 0)), System::nanoTime);
        IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> router.route(RouteRequest.of("Write a Python function")));
        assertTrue(e.getMessage().contains("request id"), e.getMessage());
    }

    @Test
    void withoutExplorationTheChosenModelHasProbabilityOne() {
        Router router = new Router(CompiledTable.of(TinyData.table()), new KeywordTagger(), text -> 10,
                RouterSettings.DEFAULTS, System::nanoTime);
        RouteDecision d = router.route(RouteRequest.of("Write a Python function"));
        assertEquals("premium", d.model());
        assertEquals(1.0, d.probabilities().get("premium"));
        assertEquals(0.0, d.probabilities().get("coder"));
        assertEquals(0.0, d.probabilities().get("budget"));
    }
}
