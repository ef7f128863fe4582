package dev.tagrouter.evaluation;

import dev.tagrouter.decision.ThresholdRule;
import dev.tagrouter.scoring.ScoringParameters;
import dev.tagrouter.table.DecisionRuleName;
import dev.tagrouter.tablebuilding.BuildOptions;
import dev.tagrouter.tablebuilding.DatasetReader;
import dev.tagrouter.tablebuilding.OutcomeMapping;
import dev.tagrouter.tablebuilding.PreferenceDataset;
import dev.tagrouter.tablebuilding.PromptTagging;
import dev.tagrouter.tagging.TagVocabulary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EvaluationTest {

    private static final Path TINY = Path.of("..", "testdata", "tiny-preferences");
    private static final EvaluationSettings SETTINGS = new EvaluationSettings(2, 7, new OutcomeMapping(0.1, null), 4,
            BuildOptions.DEFAULT_OUTPUT_TOKENS, 3, 20);

    /** Each token counts as one "word" so that costs are easy to check by hand. */
    private static final CostModel COSTS = new CostModel(text -> text.split(" ").length, 4, 400);

    @Test
    void aPoolWhereTheStrongModelAlwaysWinsGivesItsAcceptRateWhenThetaFavoursIt(@TempDir Path dir) throws IOException {
        PreferenceDataset data = madeUp(dir, 30);
        PoolData pool = PoolData.of(data, new PoolSpec("made-up", List.of("cheap", "strong")),
                SETTINGS.mapping(), COSTS);
        PoolResult result = evaluate(data, pool, 1);
        MethodCurves strong = result.methods().stream().filter(m -> m.name().equals("strong")).findFirst().orElseThrow();
        assertEquals(1.0, strong.averaged().get(0).acceptRate());
        for (List<OperatingPoint> fold : result.tagRouter().folds()) {
            OperatingPoint top = fold.get(fold.size() - 1);
            assertEquals(1.0, top.acceptRate(), "highest theta sends everything to the strong model");
        }
        // At theta = 0 (plain argmax) the table's scores alone must pick the always-winning model.
        TagRouterMethod method = new TagRouterMethod();
        Variant variant = defaultVariant(1);
        Fold fold = new PoolEvaluator(data, SETTINGS, aliases(), Progress.silent()).folds(pool).get(0);
        var tags = variant.tags().tags(pool, fold);
        var table = method.table(data, pool, fold, tags, aliases(), "rules",
                variant.buildOptions("t", pool.pool(), SETTINGS.mapping(), SETTINGS));
        List<PromptChoice> choices = method.choices(pool, fold.test(), table, variant.rule(), tags);
        OperatingPoint atZero = new ThetaSweep(1).sweep(pool, choices, variant.rule(), new double[]{0}).get(0);
        assertEquals(1.0, atZero.acceptRate());
        OperatingPoint thresholdAtZero = new ThetaSweep(1).sweep(pool, choices, new ThresholdRule(), new double[]{0})
                .get(0);
        assertEquals(1.0, thresholdAtZero.acceptRate(), "both rules take the best estimate at 0");
    }

    @Test
    void theOracleIsAtLeastAsGoodAsEveryMethodOnEveryFold() throws IOException {
        PreferenceDataset data = new DatasetReader().read(TINY);
        PoolData pool = PoolData.of(data, new PoolSpec("tiny", List.of("budget", "coder", "premium")),
                SETTINGS.mapping(), COSTS);
        PoolResult result = evaluate(data, pool, 1);
        MethodCurves oracle = result.method(MethodCurves.Kind.ORACLE);
        for (int f = 0; f < result.folds().size(); f++) {
            OperatingPoint best = oracle.folds().get(f).get(0);
            for (MethodCurves m : result.methods()) {
                for (OperatingPoint p : m.folds().get(f)) {
                    assertTrue(best.acceptRate() >= p.acceptRate() - 1e-12, m.name() + " beats the oracle's AR");
                    if (p.acceptRate() >= best.acceptRate()) {
                        assertTrue(best.meanCostUsd() <= p.meanCostUsd() + 1e-15,
                                m.name() + " reaches the oracle's AR for less");
                    }
                }
            }
        }
    }

    @Test
    void costsAddUp() throws IOException {
        PreferenceDataset data = new DatasetReader().read(TINY);
        PoolData pool = PoolData.of(data, new PoolSpec("tiny", List.of("budget", "coder", "premium")),
                SETTINGS.mapping(), COSTS);
        // t01 "Write a Python function that removes duplicates from a list." = 10 words; premium answered 2400 chars.
        int t01 = 0;
        assertEquals((10 * 5 + 600 * 15) / 1e6, pool.cost(t01, 2), 1e-15);
        PoolResult result = evaluate(data, pool, 1);
        for (int m = 0; m < pool.modelCount(); m++) {
            double expected = 0;
            for (int p = 0; p < pool.size(); p++) {
                expected += pool.cost(p, m);
            }
            String name = pool.pool().models().get(m);
            MethodCurves single = result.methods().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
            double perFold = single.folds().stream().mapToDouble(f -> f.get(0).totalCostUsd()).sum();
            assertEquals(expected, perFold, 1e-12, "fold totals of " + name + " add up to the pool total");
            assertEquals(expected, single.averaged().get(0).totalCostUsd(), 1e-12);
        }
        int[] prompts = {0, 3, 5};
        int[] chosen = {2, 0, 1};
        OperatingPoint p = OperatingPoint.of(pool, prompts, chosen, 0);
        double sum = pool.cost(0, 2) + pool.cost(3, 0) + pool.cost(5, 1);
        assertEquals(sum, p.totalCostUsd(), 1e-15);
        assertEquals(sum / 3, p.meanCostUsd(), 1e-15);
    }

    @Test
    void foldsPartitionThePrompts() {
        for (int k : new int[]{2, 5, 7}) {
            List<Fold> folds = new FoldSplitter().split(23, k, new Random(3));
            assertEquals(k, folds.size());
            assertTrue(FoldSplitter.isPartition(folds, 23));
            for (Fold f : folds) {
                int[] all = IntStream.concat(Arrays.stream(f.train()), Arrays.stream(f.test())).sorted().toArray();
                assertTrue(Arrays.equals(IntStream.range(0, 23).toArray(), all), "train and test cover every prompt once");
                assertTrue(f.test().length >= 23 / k && f.test().length <= 23 / k + 1);
            }
        }
        assertEquals(Arrays.toString(new FoldSplitter().split(23, 5, new Random(3)).get(0).test()),
                Arrays.toString(new FoldSplitter().split(23, 5, new Random(3)).get(0).test()), "seeded");
    }

    @Test
    void aucOfTheStraightLineIsTheLineAreaAndDominatedPointsDoNotCount() {
        Reference ref = new Reference(1, 0.5, 3, 0.7);
        List<OperatingPoint> line = List.of(new OperatingPoint(0, 0.5, 1, 1), new OperatingPoint(1, 0.7, 3, 3));
        assertEquals(0.6, CurveMetrics.auc(line, ref), 1e-12);
        assertEquals(0.6, CurveMetrics.lineArea(ref), 1e-12);
        List<OperatingPoint> better = List.of(new OperatingPoint(0, 0.7, 1, 1), new OperatingPoint(1, 0.2, 2, 2));
        assertEquals(0.7, CurveMetrics.auc(better, ref), 1e-12);
        assertEquals(0.0, CurveMetrics.arGain(better, ref), 1e-12);
        assertEquals(2.0 / 3, CurveMetrics.costCut(better, ref).getAsDouble(), 1e-12);
        assertFalse(CurveMetrics.costCut(List.of(new OperatingPoint(0, 0.6, 1, 1)), ref).isPresent());
    }

    @Test
    void everyFoldIsSweptOnOneGridFromTheCheapestToTheDearestModel() throws IOException {
        PreferenceDataset data = new DatasetReader().read(TINY);
        PoolData pool = PoolData.of(data, new PoolSpec("tiny", List.of("budget", "coder", "premium")),
                SETTINGS.mapping(), COSTS);
        PoolResult result = evaluate(data, pool, 1);
        for (MethodCurves m : List.of(result.tagRouter(), result.method(MethodCurves.Kind.KNN))) {
            PooledChoices pooled = m.pooled();
            assertEquals(SETTINGS.sweepSteps() + 3, pooled.grid().length, m.name());
            for (List<OperatingPoint> fold : m.folds()) {
                assertEquals(pooled.grid().length, fold.size());
                for (int j = 0; j < fold.size(); j++) {
                    assertEquals(pooled.grid()[j], fold.get(j).theta(), 0.0, m.name() + ": point " + j);
                }
            }
            for (int j = 1; j < pooled.grid().length; j++) {
                assertTrue(pooled.grid()[j - 1] <= pooled.grid()[j], "grid ascending");
            }
            assertEquals(pool.size(), pooled.prompts().length, "every prompt held out once");
            int budget = pool.modelIndex("budget");
            int premium = pool.modelIndex("premium");
            for (int i = 0; i < pooled.prompts().length; i++) {
                assertEquals(budget, pooled.chosen()[0][i], m.name() + ": below every breakpoint, the cheapest");
                assertEquals(premium, pooled.chosen()[pooled.grid().length - 1][i],
                        m.name() + ": above every breakpoint, the dearest");
            }
            // The pooled curve with weight 1 on every prompt is the per-fold points summed.
            List<OperatingPoint> curve = PairedBootstrap.curve(result, m, PairedBootstrap.ones(pool.size()));
            for (int j = 0; j < curve.size(); j++) {
                int jj = j;
                double total = m.folds().stream().mapToDouble(f -> f.get(jj).totalCostUsd()).sum();
                assertEquals(total, curve.get(j).totalCostUsd(), 1e-12);
            }
        }
    }

    @Test
    void pairedBootstrapIntervalsHoldTheirEstimateAndAreSeeded() throws IOException {
        PreferenceDataset data = new DatasetReader().read(TINY);
        PoolData pool = PoolData.of(data, new PoolSpec("tiny", List.of("budget", "coder", "premium")),
                SETTINGS.mapping(), COSTS);
        List<PoolResult> seeds = List.of(evaluate(data, pool, 1),
                new PoolEvaluator(data, SETTINGS.withSeed(8), aliases(), Progress.silent())
                        .evaluate(pool, defaultVariant(1), true));
        PairedBootstrap bootstrap = new PairedBootstrap(50, 3);
        for (PairedBootstrap.Against against : PairedBootstrap.Against.values()) {
            PairedBootstrap.Interval prompts = bootstrap.overPrompts(seeds, against);
            PairedBootstrap.Interval folds = bootstrap.overFolds(seeds, against);
            assertTrue(prompts.low() <= prompts.high() && folds.low() <= folds.mean() + 1e-12
                    && folds.mean() <= folds.high() + 1e-12, against + ": " + prompts + " " + folds);
            assertEquals(prompts, new PairedBootstrap(50, 3).overPrompts(seeds, against), "seeded");
        }
        double tag = PairedBootstrap.pooledAuc(seeds, MethodCurves.Kind.SWEEP);
        double random = PairedBootstrap.pooledAuc(seeds, MethodCurves.Kind.RANDOM);
        assertEquals(tag - random, bootstrap.overPrompts(seeds, PairedBootstrap.Against.RANDOM).mean(), 1e-12,
                "the point estimate is the pooled AUC difference");
        PoolSummary summary = PoolSummary.of(data.name(), seeds, List.of(7L, 8L), List.of(), 50);
        assertEquals(List.of(7L, 8L), summary.seeds());
        assertEquals(tag, summary.auc().get("tagrouter"), 1e-12);
        assertEquals(List.of("quality", "balanced", "budget"), List.copyOf(summary.presets().keySet()));
        assertTrue(summary.auc().get("oracle") >= summary.auc().get("tagrouter") - 1e-12);
    }

    @Test
    void presetsAreTheCheapestPointsReachingTheirShareOfTheGap() {
        // cheapest model: AR 0.5; strongest: AR 0.9 at cost 1.
        Reference ref = new Reference(0.1, 0.5, 1.0, 0.9);
        List<dev.tagrouter.table.CurvePoint> curve = List.of(
                new dev.tagrouter.table.CurvePoint(-3, 0.5, 0.1),
                new dev.tagrouter.table.CurvePoint(-2, 0.72, 0.3),
                new dev.tagrouter.table.CurvePoint(-1, 0.83, 0.5),
                new dev.tagrouter.table.CurvePoint(0, 0.88, 0.8),
                new dev.tagrouter.table.CurvePoint(1, 0.88, 1.0));
        List<dev.tagrouter.table.Preset> presets = OperatingCurve.presets(curve, ref);
        assertEquals(List.of("quality", "balanced", "budget"), presets.stream().map(p -> p.name()).toList());
        assertEquals(0, presets.get(0).costPreference(), "0.9 is never reached: the most accepted point");
        assertTrue(presets.get(0).promise().contains("not reached"));
        assertEquals(-1, presets.get(1).costPreference(), "0.82 = 80% of the gap: first reached at -1");
        assertEquals(-2, presets.get(2).costPreference(), "0.70 = 50% of the gap: first reached at -2");
        assertEquals(0.3, presets.get(2).costShare());
    }

    @Test
    void presetsKeepTheirPromiseOnHeldOutFoldsWhenTheTagsCarryTheTruth(@TempDir Path dir) throws IOException {
        // Code prompts: only "strong" is accepted. Poems: both are. A router that reads the tags reaches the strong
        // model's accept rate at about half its cost, on prompts it was not built on.
        List<String> lines = new ArrayList<>();
        List<String> judgments = new ArrayList<>(List.of("prompt_id,model,preference,output_chars"));
        for (int i = 0; i < 200; i++) {
            boolean code = i % 2 == 0;
            String text = code ? "Write a Python function number " + i + " that sorts a list."
                    : "Write a poem about the sea, number " + i + ".";
            lines.add("{\"id\": \"p" + i + "\", \"prompt\": \"" + text + "\"}");
            judgments.add("p" + i + ",cheap," + (code ? "1.1" : "1.9") + ",400");
            judgments.add("p" + i + ",strong,1.9,400");
        }
        Files.write(dir.resolve("prompts.jsonl"), lines);
        Files.write(dir.resolve("judgments.csv"), judgments);
        Files.write(dir.resolve("models.csv"), List.of("model,input_usd_per_mtok,output_usd_per_mtok",
                "cheap,0.1,0.1", "strong,1,2"));
        PreferenceDataset data = new DatasetReader().read(dir);
        PoolData pool = PoolData.of(data, new PoolSpec("made-up", List.of("cheap", "strong")), SETTINGS.mapping(),
                COSTS);
        EvaluationSettings fiveFolds = new EvaluationSettings(5, 7, SETTINGS.mapping(), 4,
                BuildOptions.DEFAULT_OUTPUT_TOKENS, 3, 20);
        PoolResult result = new PoolEvaluator(data, fiveFolds, aliases(), Progress.silent())
                .evaluate(pool, defaultVariant(1), true);

        // A preset sits at the cheapest grid point that reached its level on the other folds, so a held-out fold can
        // land just under it; on average the promise holds.
        PresetCheck.Result quality = PresetCheck.of(List.of(result)).get(OperatingCurve.QUALITY);
        assertTrue(quality.acceptRate() >= quality.target() - 0.01, quality.toString());
        assertTrue(quality.reachedShare() >= 0.6, quality.toString());
        assertTrue(quality.costShare() < 0.7, "well under the strongest model's cost: " + quality);
        PresetCheck.Result budget = PresetCheck.of(List.of(result)).get(OperatingCurve.BUDGET);
        assertTrue(budget.acceptRate() >= budget.target() - 0.01, budget.toString());
        assertTrue(budget.costShare() <= quality.costShare() + 1e-12, budget + " vs " + quality);
    }

    private static PoolResult evaluate(PreferenceDataset data, PoolData pool, int minTagCount) {
        return new PoolEvaluator(data, SETTINGS, aliases(), Progress.silent())
                .evaluate(pool, defaultVariant(minTagCount), true);
    }

    private static Variant defaultVariant(int minTagCount) {
        return VariantFactory.base(ScoringParameters.CALIBRATED, DecisionRuleName.UTILITY, minTagCount, 1.0, 8, false);
    }

    private static java.util.Map<String, List<String>> aliases() {
        return PromptTagging.aliases(TagVocabulary.curated().tags());
    }

    /** Prompts about Python code and poems; "strong" wins every one, "cheap" loses every one. */
    static PreferenceDataset madeUp(Path dir, int prompts) throws IOException {
        List<String> lines = new ArrayList<>();
        List<String> judgments = new ArrayList<>(List.of("prompt_id,model,preference,output_chars"));
        for (int i = 0; i < prompts; i++) {
            String text = i % 2 == 0 ? "Write a Python function number " + i + " that sorts a list."
                    : "Write a poem about the sea, number " + i + ".";
            lines.add("{\"id\": \"p" + i + "\", \"prompt\": \"" + text + "\"}");
            judgments.add("p" + i + ",cheap,1.1,400");
            judgments.add("p" + i + ",strong,1.9,800");
        }
        Files.write(dir.resolve("prompts.jsonl"), lines);
        Files.write(dir.resolve("judgments.csv"), judgments);
        Files.write(dir.resolve("models.csv"), List.of("model,input_usd_per_mtok,output_usd_per_mtok",
                "cheap,0.1,0.1", "strong,1,2"));
        return new DatasetReader().read(dir);
    }
}
