package dev.tagrouter.ope;

import dev.tagrouter.cli.TagrouterCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OffPolicyEvaluationTest {

    @Test
    void poissonBinomialSumsToOneAndIsTheBinomialForEqualProbabilities() {
        double[] d = PoissonBinomial.distribution(new double[]{0.1, 0.5, 0.9, 0.3});
        assertEquals(1, java.util.Arrays.stream(d).sum(), 1e-12);
        double[] binomial = PoissonBinomial.distribution(new double[]{0.3, 0.3, 0.3, 0.3, 0.3});
        for (int k = 0; k <= 5; k++) {
            double expected = choose(5, k) * Math.pow(0.3, k) * Math.pow(0.7, 5 - k);
            assertEquals(expected, binomial[k], 1e-12, "k = " + k);
        }
    }

    @Test
    void aCandidateEqualToTheLoggingPolicyGivesWeightOne() {
        List<LoggedUnit> log = new InterferenceSimulator(300, 5, 1)
                .log(InterferenceSimulator.LOGGING, InterferenceSimulator.LOGGING, new SplittableRandom(3));
        for (WeightRule rule : List.of(WeightRule.OWN, WeightRule.JOINT, WeightRule.interference(Exposure.COUNT),
                WeightRule.interference(Exposure.ANY))) {
            for (LoggedUnit u : log) {
                assertEquals(1, rule.weight(u, log), 1e-12);
            }
        }
    }

    @Test
    void withoutNeighboursIntIpwIsIpw() {
        List<LoggedUnit> log = new InterferenceSimulator(300, 5, 1)
                .log(InterferenceSimulator.LOGGING, InterferenceSimulator.CANDIDATE, new SplittableRandom(4))
                .stream().map(u -> new LoggedUnit(u.time(), u.context(), u.action(), u.logging(), u.candidate(),
                        u.reward(), new int[0])).toList();
        double ipw = Estimator.weighted("IPW", WeightRule.OWN, false).contributions(log).value();
        double intIpw = Estimator.weighted("IntIPW", WeightRule.interference(Exposure.COUNT), false)
                .contributions(log).value();
        assertEquals(ipw, intIpw, 1e-12);
    }

    @Test
    void meanWeightIsAboutOneOnSimulatedLogs() {
        List<LoggedUnit> log = new InterferenceSimulator(4000, 2, 1)
                .log(InterferenceSimulator.LOGGING, InterferenceSimulator.CANDIDATE, new SplittableRandom(5));
        for (Estimator e : List.of(Estimator.weighted("IPW", WeightRule.OWN, false),
                Estimator.weighted("IntIPW", WeightRule.interference(Exposure.ANY), false))) {
            EstimateReport report = EstimateReport.of(e, log, 50, 40, new SplittableRandom(6));
            assertEquals(1, report.meanWeight(), 0.05, e.name());
            assertTrue(report.effectiveSampleSize() > 1000, e.name() + " ESS " + report.effectiveSampleSize());
            assertTrue(report.ciLow() <= report.value() && report.value() <= report.ciHigh(), e.name());
        }
    }

    @Test
    void withoutInterferenceEveryEstimatorFindsTheTruth() {
        InterferenceSimulator sim = new InterferenceSimulator(3000, 5, 0);
        double truth = sim.groundTruth(InterferenceSimulator.CANDIDATE, 50, new SplittableRandom(7));
        List<LoggedUnit> log = sim.log(InterferenceSimulator.LOGGING, InterferenceSimulator.CANDIDATE,
                new SplittableRandom(8));
        for (Estimator e : Estimator.standardSet(InterferenceSimulator.contexts(), InterferenceSimulator.actions())) {
            EstimateReport r = EstimateReport.of(e, log, 200, 50, new SplittableRandom(9));
            assertTrue(r.ciLow() - 0.01 <= truth && truth <= r.ciHigh() + 0.01,
                    e.name() + ": " + r + " vs truth " + truth);
        }
    }

    @Test
    void aTinyEffectiveSampleIsFlagged() {
        List<LoggedUnit> log = new InterferenceSimulator(40, 10, 1)
                .log(InterferenceSimulator.LOGGING, InterferenceSimulator.CANDIDATE, new SplittableRandom(10));
        EstimateReport r = EstimateReport.of(Estimator.weighted("joint", WeightRule.JOINT, true), log, 20, 5,
                new SplittableRandom(11));
        assertTrue(r.warning().startsWith("effective sample size"), r.toString());
    }

    @Test
    void theExperimentCommandWritesTheTable(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("ope.md");
        assertEquals(0, TagrouterCli.run("ope-experiment", "--betas", "0,1", "--degrees", "2", "--replications", "5",
                "--units", "200", "--out", out.toString()));
        String table = Files.readString(out);
        assertTrue(table.startsWith("| beta | degree | units | truth | estimator | bias | RMSE |"), table);
        assertEquals(2 + 2 * 8, table.lines().count(), table);
        assertTrue(table.contains("SN-IntIPW (count)"), table);
    }

    private static double choose(int n, int k) {
        double c = 1;
        for (int i = 0; i < k; i++) {
            c = c * (n - i) / (i + 1);
        }
        return c;
    }
}
