package dev.tagrouter.decision;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ThresholdRuleTest {

    private final Decider decider = new Decider(new ThresholdRule());

    /** Sorts the candidates as the routing policy does before any rule sees them. */
    record Decider(DecisionRule rule) {
        Choice decide(List<Candidate> candidates, double preference) {
            List<Candidate> byCost = new java.util.ArrayList<>(candidates);
            byCost.sort(DecisionRule.CHEAPEST_FIRST);
            return rule.decide(byCost, preference);
        }
    }

    private static final Candidate CHEAP = new Candidate("cheap", 10, 0.001);
    private static final Candidate STRONG = new Candidate("strong", 14, 0.010);

    @Test
    void twoModelsFollowThePapersRule() {
        // S(cheap) - S(strong) = -4: cheap is chosen exactly when theta <= -4.
        assertEquals("strong", decider.decide(List.of(CHEAP, STRONG), 0).chosen().model());
        assertEquals("strong", decider.decide(List.of(CHEAP, STRONG), -3.99).chosen().model());
        assertEquals("cheap", decider.decide(List.of(CHEAP, STRONG), -4).chosen().model());
        assertEquals(DecisionReason.CHEAPER_WITHIN_PREFERENCE, decider.decide(List.of(STRONG, CHEAP), -5).reason());
    }

    @Test
    void thetaZeroIsArgmaxWithTiesToTheCheaperModel() {
        Candidate a = new Candidate("a", 5, 0.002);
        Candidate b = new Candidate("b", 5, 0.001);
        Candidate c = new Candidate("c", 5, 0.003);
        Choice choice = decider.decide(List.of(a, c, b), 0);
        assertEquals("b", choice.chosen().model());
        assertEquals(DecisionReason.TOP_SCORE, choice.reason());
    }

    @Test
    void positiveThetaDemandsAMarginFromTheCheaperModel() {
        Candidate cheapBest = new Candidate("cheap", 16, 0.001);
        Choice choice = decider.decide(List.of(cheapBest, STRONG), 3);
        assertEquals("strong", choice.chosen().model());
        assertEquals(DecisionReason.PREMIUM_OVER_PREFERENCE, choice.reason());
        assertEquals("cheap", decider.decide(List.of(cheapBest, STRONG), 2).chosen().model());
    }

    @Test
    void moreThanTwoModelsTakeTheCheapestWithinThetaOfEveryCostlierModel() {
        Candidate small = new Candidate("small", 3, 0.001);
        Candidate medium = new Candidate("medium", 8, 0.004);
        Candidate large = new Candidate("large", 10, 0.020);
        List<Candidate> pool = List.of(large, small, medium);
        assertEquals("large", decider.decide(pool, 0).chosen().model());
        assertEquals("large", decider.decide(pool, -1.9).chosen().model());
        assertEquals("medium", decider.decide(pool, -2).chosen().model());
        assertEquals("medium", decider.decide(pool, -6.9).chosen().model());
        assertEquals("small", decider.decide(pool, -7).chosen().model());
        assertEquals("small", decider.decide(pool, -100).chosen().model());
    }

    @Test
    void theChoiceGetsCheaperAsThetaDecreases() {
        List<Candidate> pool = List.of(new Candidate("a", 1, 0.1), new Candidate("b", 9, 0.2),
                new Candidate("c", 4, 0.3), new Candidate("d", 11, 0.4), new Candidate("e", 2, 0.5));
        double previousCost = Double.POSITIVE_INFINITY;
        for (double theta = 12; theta >= -12; theta -= 0.5) {
            double cost = decider.decide(pool, theta).chosen().costUsd();
            assertTrue(cost <= previousCost, "cost rose at theta " + theta);
            previousCost = cost;
        }
    }

    @Test
    void theMiddleModelIsSkippedWhenACheaperOneIsWithinThetaOfTheBest() {
        Candidate small = new Candidate("small", 9, 0.001);
        Candidate medium = new Candidate("medium", 2, 0.004);
        Candidate large = new Candidate("large", 10, 0.020);
        assertEquals("small", decider.decide(List.of(small, medium, large), -1).chosen().model());
        assertEquals("large", decider.decide(List.of(small, medium, large), -0.5).chosen().model());
    }

    @Test
    void aSingleCandidateIsChosenWhateverTheta() {
        Choice choice = decider.decide(List.of(STRONG), 100);
        assertEquals("strong", choice.chosen().model());
        assertEquals(DecisionReason.ONLY_CANDIDATE, choice.reason());
    }

    private static void assertTrue(boolean condition, String message) {
        org.junit.jupiter.api.Assertions.assertTrue(condition, message);
    }
}
