package dev.tagrouter.decision;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UtilityRuleTest {

    private final ThresholdRuleTest.Decider decider = new ThresholdRuleTest.Decider(new UtilityRule(10));

    private static final Candidate SMALL = new Candidate("small", 0.60, 1);
    private static final Candidate MEDIUM = new Candidate("medium", 0.70, 2);
    private static final Candidate LARGE = new Candidate("large", 0.74, 10);

    @Test
    void zeroPreferenceTakesTheBestEstimateWithTiesToTheCheaperModel() {
        assertEquals("large", decider.decide(List.of(SMALL, MEDIUM, LARGE), 0).chosen().model());
        Candidate tie = new Candidate("tie", 0.74, 5);
        Choice choice = decider.decide(List.of(LARGE, tie), 0);
        assertEquals("tie", choice.chosen().model());
        assertEquals(DecisionReason.TOP_SCORE, choice.reason());
    }

    @Test
    void sweepingThePreferenceVisitsEveryModelOnTheUpperHull() {
        // Relative costs 0.1, 0.2, 1: medium gains 10 points for 0.1 of the dearest price, large 4 for 0.8.
        List<Candidate> pool = List.of(SMALL, MEDIUM, LARGE);
        assertEquals("large", decider.decide(pool, -0.04).chosen().model());
        assertEquals("medium", decider.decide(pool, -0.06).chosen().model());
        assertEquals("medium", decider.decide(pool, -0.9).chosen().model());
        assertEquals("small", decider.decide(pool, -1.1).chosen().model());
        assertEquals(DecisionReason.CHEAPER_WITHIN_PREFERENCE, decider.decide(pool, -0.5).reason());
    }

    @Test
    void aModelBelowTheHullIsNeverChosen() {
        Candidate poor = new Candidate("poor", 0.62, 5);
        List<Candidate> pool = List.of(SMALL, MEDIUM, poor, LARGE);
        for (double p = 1; p >= -5; p -= 0.001) {
            assertTrue(!decider.decide(pool, p).chosen().model().equals("poor"), "chose poor at " + p);
        }
    }

    @Test
    void theChoiceGetsCheaperAsThePreferenceDecreasesAndBreakpointsMarkEveryChange() {
        List<Candidate> pool = List.of(new Candidate("a", 0.5, 1), new Candidate("b", 0.58, 2),
                new Candidate("c", 0.57, 3), new Candidate("d", 0.8, 4), new Candidate("e", 0.81, 9));
        List<Candidate> byCost = new java.util.ArrayList<>(pool);
        java.util.Set<Double> breaks = new java.util.TreeSet<>();
        new UtilityRule(10).breakpoints(byCost, breaks::add);
        double previousCost = Double.POSITIVE_INFINITY;
        String previous = null;
        for (double p = 1; p >= -3; p -= 0.0005) {
            Candidate chosen = decider.decide(pool, p).chosen();
            assertTrue(chosen.costUsd() <= previousCost, "cost rose at " + p);
            if (previous != null && !previous.equals(chosen.model())) {
                final double at = p;
                assertTrue(breaks.stream().anyMatch(b -> Math.abs(b - at) < 0.001), "no breakpoint near " + p);
            }
            previousCost = chosen.costUsd();
            previous = chosen.model();
        }
    }
}
