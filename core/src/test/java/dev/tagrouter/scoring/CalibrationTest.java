package dev.tagrouter.scoring;

import dev.tagrouter.decision.Candidate;
import dev.tagrouter.decision.RoutingPolicy;
import dev.tagrouter.table.CompiledTable;
import dev.tagrouter.table.CurvePoint;
import dev.tagrouter.table.DecisionRuleName;
import dev.tagrouter.table.DecisionSettings;
import dev.tagrouter.table.InvalidTableException;
import dev.tagrouter.table.ModelEntry;
import dev.tagrouter.table.OutcomeCounts;
import dev.tagrouter.table.Preset;
import dev.tagrouter.table.RoutingTable;
import dev.tagrouter.table.RoutingTableCodec;
import dev.tagrouter.table.TableProvenance;
import dev.tagrouter.table.TableTag;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Calibrated scoring on made-up tables whose truth is known. Three models whose overall counts give round priors
 * ({@code (accepted + 1) / (total + 2)}): {@code a} 0.5 (49 of 98), {@code b} 0.6 (59 of 98), {@code c} 0.9
 * (89 of 98); {@code a} is the cheapest, {@code c} the dearest.
 */
class CalibrationTest {

    private static final double K = ScoringParameters.DEFAULT_PRIOR_STRENGTH;
    private static final double PRIOR_A = 0.5;
    private static final double PRIOR_B = 0.6;
    private static final double PRIOR_C = 0.9;
    private static final List<ModelEntry> MODELS = List.of(
            new ModelEntry("a", 0.1, 0.1, 100, new OutcomeCounts(40, 9, 49)),
            new ModelEntry("b", 1, 1, 100, new OutcomeCounts(50, 9, 39)),
            new ModelEntry("c", 10, 10, 100, new OutcomeCounts(80, 9, 9)));
    private static final int[] ALL_MODELS = {0, 1, 2};
    private static final double[] COSTS = {0.001, 0.01, 0.1};
    private static final double EPS = 1e-12;

    @Test
    void thePriorsAreTheOverallRatesWithOnePseudoSuccessAndOneFailure() {
        CompiledTable table = compiled(ScoringParameters.CALIBRATED);
        assertEquals(PRIOR_A, table.prior(0), EPS);
        assertEquals(PRIOR_B, table.prior(1), EPS);
        assertEquals(PRIOR_C, table.prior(2), EPS);
        assertEquals(0.5, AcceptEstimator.prior(OutcomeCounts.ZERO), "no outcomes: even odds, never 0 or 1");
    }

    // (a)
    @Test
    void aTagThatAlwaysWinsForOneModelPullsOnlyThatModelUp() {
        CompiledTable table = compiled(ScoringParameters.CALIBRATED,
                tag("a-wins", 10, Map.of("a", new OutcomeCounts(10, 0, 0), "b", accepted(6, 10))));
        double[] estimates = estimates(table, "a-wins");
        assertEquals((10 + K * PRIOR_A) / (10 + K), estimates[0], EPS);
        assertTrue(estimates[0] > PRIOR_A, "a is pulled up from its overall rate: " + estimates[0]);
        assertTrue(estimates[0] < 1, "but not to certainty on ten prompts");
        assertEquals(PRIOR_B, estimates[1], EPS, "b's rate on the tag is its overall rate: unchanged");
        assertEquals(PRIOR_C, estimates[2], EPS, "c has no outcome on the tag: unchanged");

        // The pull is what changes a decision: with the tag a beats b, without it b beats a.
        Candidate untaggedChoice = choose(table, new String[0], new int[]{0, 1});
        Candidate taggedChoice = choose(table, new String[]{"a-wins"}, new int[]{0, 1});
        assertEquals("b", untaggedChoice.model());
        assertEquals("a", taggedChoice.model());
    }

    // (b)
    @Test
    void uninformativeTagsGiveExactlyThePriorsWhateverTheirNumber() {
        // On u1..u3 each model is accepted at its overall rate; on u4 no model has an outcome.
        List<TableTag> tags = List.of(
                tag("u1", 10, Map.of("a", accepted(5, 10), "b", accepted(6, 10), "c", accepted(9, 10))),
                tag("u2", 20, Map.of("a", accepted(10, 20), "b", accepted(12, 20), "c", accepted(18, 20))),
                tag("u3", 50, Map.of("a", accepted(25, 50), "b", accepted(30, 50), "c", accepted(45, 50))),
                tag("u4", 7, Map.of()));
        for (TagCombination combination : TagCombination.values()) {
            CompiledTable table = compiled(ScoringParameters.CALIBRATED.withCombination(combination),
                    tags.toArray(TableTag[]::new));
            double[] none = estimates(table);
            assertEquals(PRIOR_A, none[0], EPS);
            assertEquals(PRIOR_B, none[1], EPS);
            assertEquals(PRIOR_C, none[2], EPS);
            for (String[] query : new String[][]{{"u1"}, {"u4"}, {"u1", "u2"}, {"u1", "u2", "u3"},
                    {"u1", "u2", "u3", "u4"}}) {
                double[] e = estimates(table, query);
                for (int m = 0; m < 3; m++) {
                    assertEquals(none[m], e[m], EPS, combination + " " + List.of(query) + " model " + m);
                }
            }
        }
    }

    // (c)
    @Test
    void theTagCountAloneChangesNothing() {
        // t1, t2 and t3 carry the same counts, so the same shrunk rate per model.
        Map<String, OutcomeCounts> same = Map.of("a", new OutcomeCounts(9, 0, 1), "b", accepted(2, 10),
                "c", accepted(10, 10));
        CompiledTable table = compiled(ScoringParameters.CALIBRATED, tag("t1", 10, same), tag("t2", 10, same),
                tag("t3", 10, same));
        double[] one = estimates(table, "t1");
        double[] three = estimates(table, "t1", "t2", "t3");
        for (int m = 0; m < 3; m++) {
            assertEquals(one[m], three[m], EPS, "model " + m);
        }
        assertNotEquals(PRIOR_A, one[0], "t1 is informative");
        assertEquals(choose(table, new String[]{"t1"}, ALL_MODELS).model(),
                choose(table, new String[]{"t1", "t2", "t3"}, ALL_MODELS).model(), "equal up to rounding");
        assertEquals(one[0], estimates(table, "t1", "t1", "t1")[0], EPS, "a repeated tag counts once");

        // Summing deviations is what MEAN avoids: there the same tags push a further from its prior.
        CompiledTable summed = compiled(ScoringParameters.CALIBRATED.withCombination(TagCombination.SUM),
                tag("t1", 10, same), tag("t2", 10, same), tag("t3", 10, same));
        assertEquals(one[0], estimates(summed, "t1")[0], EPS, "one tag: every combination is the tag's rate");
        assertTrue(estimates(summed, "t1", "t2", "t3")[0] > one[0]);
    }

    // (d)
    @Test
    void fewOutcomesStayNearThePriorAndManyApproachTheObservedRate() {
        // a is accepted on every prompt of the tag (observed rate 1), its prior is 0.5.
        double previous = PRIOR_A;
        double[] distanceToObserved = new double[4];
        int[] sizes = {1, 10, 100, 10_000};
        for (int i = 0; i < sizes.length; i++) {
            int n = sizes[i];
            CompiledTable table = compiled(ScoringParameters.CALIBRATED,
                    tag("t", n, Map.of("a", new OutcomeCounts(n, 0, 0))));
            double estimate = estimates(table, "t")[0];
            assertEquals((n + K * PRIOR_A) / (n + K), estimate, EPS);
            assertTrue(estimate > previous, "more evidence moves further from the prior, n = " + n);
            previous = estimate;
            distanceToObserved[i] = 1 - estimate;
        }
        assertTrue(distanceToObserved[0] > 0.45, "one prompt barely moves the prior: " + distanceToObserved[0]);
        assertTrue(distanceToObserved[3] < 0.001, "ten thousand prompts: nearly the observed rate");

        // The prior strength is the number of prompts at which the estimate is halfway.
        CompiledTable halfway = compiled(ScoringParameters.CALIBRATED,
                tag("t", (int) K, Map.of("a", new OutcomeCounts((int) K, 0, 0))));
        assertEquals((PRIOR_A + 1) / 2, estimates(halfway, "t")[0], EPS);
        // Without shrinkage the estimate is the observed rate.
        CompiledTable raw = compiled(ScoringParameters.CALIBRATED.withPriorStrength(0),
                tag("t", 4, Map.of("a", accepted(3, 4))));
        assertEquals(0.75, estimates(raw, "t")[0], EPS);
        assertEquals(PRIOR_B, estimates(raw, "t")[1], EPS, "no outcomes and k = 0: still the prior");
    }

    // (e)
    @Test
    void aPaperSumTableStillSumsTheTagScores() {
        TableTag t1 = tag("t1", 10, Map.of("a", new OutcomeCounts(6, 2, 2), "c", new OutcomeCounts(10, 0, 0)));
        TableTag t2 = tag("t2", 4, Map.of("a", new OutcomeCounts(1, 1, 2), "c", new OutcomeCounts(3, 1, 0)));
        CompiledTable table = compiled(ScoringParameters.PAPER, t1, t2);
        TagScorer scorer = new TagScorer(ScoringParameters.PAPER);
        double a1 = scorer.score(t1.outcomes().get("a"), 10);
        double a2 = scorer.score(t2.outcomes().get("a"), 4);
        assertEquals((1 - Math.exp(-10)) * (6 + 0.15 * 2 - 2), a1, EPS);
        double[] both = estimates(table, "t1", "t2");
        assertEquals(a1 + a2, both[0], EPS);
        assertEquals(0, both[1], EPS, "no outcomes on either tag: a score of 0");
        assertEquals(scorer.score(t1.outcomes().get("c"), 10) + scorer.score(t2.outcomes().get("c"), 4), both[2], EPS);
        assertTrue(both[2] > estimates(table, "t1")[2], "the paper's sum grows with the number of tags");
        // Without a known tag the paper-sum table scores the overall counts over all training prompts.
        assertEquals(scorer.score(MODELS.get(2).overall(), 98), estimates(table)[2], EPS);
    }

    @Test
    void logOddsCombinationAddsTheTagsEvidence() {
        // Two tags that each lift a from 0.5 to r: naive Bayes puts a at the sum of the log-odds shifts.
        Map<String, OutcomeCounts> lift = Map.of("a", accepted(8, 10));
        CompiledTable table = compiled(ScoringParameters.CALIBRATED.withCombination(TagCombination.LOG_ODDS),
                tag("t1", 10, lift), tag("t2", 10, lift));
        double r = (8 + K * PRIOR_A) / (10 + K);
        double logit = Math.log(r / (1 - r));
        assertEquals(1 / (1 + Math.exp(-2 * logit)), estimates(table, "t1", "t2")[0], EPS);
        assertEquals(PRIOR_B, estimates(table, "t1", "t2")[1], EPS);
    }

    // (f)
    @Test
    void presetsAndTheCurveSurviveARoundTripWithAVerifiedChecksum() throws IOException {
        DecisionSettings decision = new DecisionSettings(DecisionRuleName.THRESHOLD, 0.001, "balanced", List.of(
                new Preset("quality", 0, 0.9, 1.0, "the best estimate"),
                new Preset("balanced", -0.05, 0.87, 0.4, "within 3 points of quality at under half its cost"),
                new Preset("budget", -0.3, 0.7, 0.05, "the cheapest model the curve still rates")),
                List.of(new CurvePoint(-0.3, 0.7, 0.05), new CurvePoint(-0.05, 0.87, 0.4),
                        new CurvePoint(0, 0.9, 1.0)), 5);
        RoutingTable table = table(ScoringParameters.CALIBRATED.withPriorStrength(50),
                tag("t1", 10, Map.of("a", accepted(5, 10)))).withDecision(decision);
        RoutingTableCodec codec = new RoutingTableCodec();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RoutingTable written = codec.write(table, out);
        RoutingTable read = codec.read(new ByteArrayInputStream(out.toByteArray()), "presets.json");

        assertEquals(written, read);
        assertEquals(decision, read.decision());
        assertEquals(List.of("quality", "balanced", "budget"), read.decision().presets().stream().map(Preset::name)
                .toList(), "presets keep their order");
        assertEquals(-0.05, read.decision().preset("balanced").orElseThrow().costPreference());
        assertEquals(50, read.scoring().priorStrength());
        assertEquals(codec.checksum(table), read.checksum(), "the checksum covers the decision settings");
        assertNotEquals(codec.checksum(table), codec.checksum(table.withDecision(
                decision.withCurve(decision.curve(), decision.presets(), "quality", 5))));

        String json = out.toString(StandardCharsets.UTF_8);
        String tampered = json.replace("\"curveFolds\" : 5", "\"curveFolds\" : 4");
        assertNotEquals(json, tampered);
        InvalidTableException e = assertThrows(InvalidTableException.class,
                () -> codec.read(new ByteArrayInputStream(tampered.getBytes(StandardCharsets.UTF_8)), "x.json"));
        assertTrue(e.getMessage().contains("the file was changed or truncated"), e.getMessage());
    }

    @Test
    void aFormatOneTableIsRefusedWithAHintToRebuild() throws IOException {
        RoutingTable current = table(ScoringParameters.CALIBRATED);
        RoutingTable old = new RoutingTable("tagrouter-table/1", current.version(), null, current.scoring(),
                current.decision(), current.provenance(), current.models(), current.tags());
        RoutingTableCodec codec = new RoutingTableCodec();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        codec.write(old, out);
        InvalidTableException e = assertThrows(InvalidTableException.class,
                () -> codec.read(new ByteArrayInputStream(out.toByteArray()), "old.json"));
        assertTrue(e.getMessage().contains("format is 'tagrouter-table/1', expected 'tagrouter-table/2'"),
                e.getMessage());
        assertTrue(e.getMessage().contains("rebuild it with ./tagrouter build-table"), e.getMessage());
    }

    @Test
    void aTableWrittenByTheOldBuilderIsRefusedWithAHintToRebuild() {
        InvalidTableException e = assertThrows(InvalidTableException.class, () -> new RoutingTableCodec().read(
                new ByteArrayInputStream(FORMAT_1_FILE.getBytes(StandardCharsets.UTF_8)), "old.json"));
        assertTrue(e.getMessage().contains("tagrouter-table/1"), e.getMessage());
        assertTrue(e.getMessage().contains("rebuild"), e.getMessage());
    }

    /** A table as the format-1 builder wrote it: a default model, per-tag scores, the paper's six parameters. */
    private static final String FORMAT_1_FILE = """
            {
              "checksum" : "sha256:0000000000000000000000000000000000000000000000000000000000000000",
              "defaultModel" : "a",
              "format" : "tagrouter-table/1",
              "models" : [ {
                "expectedOutputTokens" : 100,
                "inputUsdPerMTok" : 0.1,
                "name" : "a",
                "outputUsdPerMTok" : 0.1,
                "overall" : { "losses" : 49, "ties" : 9, "wins" : 40 }
              } ],
              "provenance" : null,
              "scoring" : {
                "normalization" : "COUNTS",
                "sLoss" : -1.0,
                "sTie" : 0.15,
                "sWin" : 1.0,
                "weightScale" : 1.0,
                "weighting" : "SATURATING"
              },
              "tags" : [ {
                "aliases" : [ ],
                "count" : 10,
                "name" : "t1",
                "outcomes" : { "a" : { "losses" : 5, "ties" : 0, "wins" : 5 } },
                "scores" : { "a" : 0.0 }
              } ],
              "version" : "old"
            }
            """;

    private static OutcomeCounts accepted(int accepted, int total) {
        return new OutcomeCounts(accepted, 0, total - accepted);
    }

    private static TableTag tag(String name, int count, Map<String, OutcomeCounts> outcomes) {
        return new TableTag(name, List.of(), count, outcomes);
    }

    private static RoutingTable table(ScoringParameters scoring, TableTag... tags) {
        TableProvenance provenance = new TableProvenance("made-up", 98, "outcome as given", null, "none");
        return new RoutingTable(RoutingTable.FORMAT, "calibration-test", null, scoring,
                DecisionSettings.bare(DecisionRuleName.UTILITY, 0.001), provenance, MODELS, List.of(tags));
    }

    private static CompiledTable compiled(ScoringParameters scoring, TableTag... tags) {
        return CompiledTable.of(table(scoring, tags));
    }

    /** Each model's estimate for a query with these tags, in the table's model order, through the routing policy. */
    private static double[] estimates(CompiledTable table, String... tags) {
        RoutingPolicy policy = RoutingPolicy.of(table, Optional.empty());
        List<Candidate> candidates = policy.candidates(table.knownTags(List.of(tags)), ALL_MODELS, COSTS);
        Map<String, Double> byName = new LinkedHashMap<>();
        candidates.forEach(c -> byName.put(c.model(), c.score()));
        double[] estimates = new double[table.modelCount()];
        for (int m = 0; m < estimates.length; m++) {
            estimates[m] = byName.get(table.model(m).name());
            assertEquals(table.score(m, table.knownTags(List.of(tags))), estimates[m], "policy and table agree");
        }
        return estimates;
    }

    /** The model the table's rule chooses at preference 0 among these models. */
    private static Candidate choose(CompiledTable table, String[] tags, int[] models) {
        double[] costs = new double[models.length];
        for (int i = 0; i < models.length; i++) {
            costs[i] = COSTS[models[i]];
        }
        return RoutingPolicy.of(table, Optional.empty())
                .decide(table.knownTags(new ArrayList<>(List.of(tags))), models, costs, 0, null).choice().chosen();
    }
}
