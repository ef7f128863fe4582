package dev.tagrouter.scoring;

import dev.tagrouter.decision.RoutingPolicy;
import dev.tagrouter.table.CompiledTable;
import dev.tagrouter.table.RoutingTable;
import dev.tagrouter.table.RoutingTableCodec;
import dev.tagrouter.tablebuilding.DatasetReader;
import dev.tagrouter.tablebuilding.Prompt;
import dev.tagrouter.tagging.MatchedTag;
import dev.tagrouter.tagging.RuleTagger;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Tag weights (earlier conversation turns count less) leave every request without an earlier turn exactly as it was:
 * on the bundled table and the real AlpacaEval prompts, the weighted scores at weight 1 are bit for bit the
 * unweighted formulas as they stood before weights (written out here), for each combination and the paper's sum;
 * and a lower weight moves an estimate the way each formula says.
 */
class WeightedScoreTest {

    private static final Path DATA = Path.of(System.getProperty("tagrouter.data", "/work/shared/data"));
    private static final Path BUNDLED = Path.of("..", "function", "src", "main", "resources", "tagrouter",
            "table.json");

    @Test
    void weightOneIsBitForBitTheUnweightedScoreOnRealPrompts() throws Exception {
        RoutingTable bundled = new RoutingTableCodec().read(BUNDLED);
        List<Prompt> prompts = new DatasetReader().read(DATA.resolve("alpaca-eval-2")).prompts();
        RuleTagger tagger = RuleTagger.withCuratedVocabulary();
        int compared = 0;
        for (ScoringParameters scoring : List.of(bundled.scoring(),
                bundled.scoring().withCombination(TagCombination.SUM),
                bundled.scoring().withCombination(TagCombination.LOG_ODDS),
                bundled.scoring().withMethod(ScoringMethod.PAPER_SUM))) {
            CompiledTable table = CompiledTable.of(bundled.withScoring(scoring));
            RoutingPolicy policy = RoutingPolicy.of(table, Optional.empty());
            int[] models = new int[table.modelCount()];
            Arrays.setAll(models, i -> i);
            double[] costs = policy.costsUsd(models, 200);
            for (Prompt prompt : prompts) {
                int[] known = table.knownTags(tagger.tag(prompt.text()).tags().stream().map(MatchedTag::tag).toList());
                double[] ones = new double[known.length];
                Arrays.fill(ones, 1);
                for (int m = 0; m < table.modelCount(); m++) {
                    double before = unweighted(table, bundled.withScoring(scoring), m, known);
                    assertEquals(Double.doubleToRawLongBits(before),
                            Double.doubleToRawLongBits(table.score(m, known)), prompt.id());
                    assertEquals(Double.doubleToRawLongBits(before),
                            Double.doubleToRawLongBits(table.score(m, known, ones)), prompt.id());
                    compared++;
                }
                assertEquals(policy.decide(known, models, costs, -0.1, prompt.id()).ranked(),
                        policy.decide(known, ones, models, costs, -0.1, prompt.id()).ranked());
            }
        }
        assertTrue(compared > 4 * 3 * 700, "compared " + compared);
    }

    @Test
    void aLowerWeightCountsATagLessInEachFormula() {
        AcceptEstimator mean = new AcceptEstimator(5, TagCombination.MEAN);
        double[] rates = {0.9, 0.5};
        assertEquals((0.9 + 0.5 * 0.5) / 1.5, mean.combine(0.6, rates, new double[]{1, 0.5}, 2), 1e-15);
        assertEquals(0.7, mean.combine(0.6, rates, null, 2), 1e-15);
        // One tag alone: its weight does not matter to a mean, it is the only evidence.
        assertEquals(0.5, mean.combine(0.6, new double[]{0.5}, new double[]{0.25}, 1), 1e-15);

        AcceptEstimator sum = new AcceptEstimator(5, TagCombination.SUM);
        assertEquals(0.6 + (0.9 - 0.6) + 0.5 * (0.5 - 0.6), sum.combine(0.6, rates, new double[]{1, 0.5}, 2), 1e-15);

        AcceptEstimator logOdds = new AcceptEstimator(5, TagCombination.LOG_ODDS);
        double base = Math.log(0.6 / 0.4);
        double z = base + 0.25 * (Math.log(0.9 / 0.1) - base);
        assertEquals(1 / (1 + Math.exp(-z)), logOdds.combine(0.6, new double[]{0.9}, new double[]{0.25}, 1), 1e-15);
    }

    // The formulas of CompiledTable.score and AcceptEstimator.combine before tags had weights.
    private static double unweighted(CompiledTable compiled, RoutingTable table, int model, int[] known) {
        if (known.length == 0) {
            return compiled.prior(model);
        }
        if (table.scoring().method() == ScoringMethod.PAPER_SUM) {
            double sum = 0;
            for (int t : known) {
                sum += compiled.score(model, new int[]{t});
            }
            return sum;
        }
        double prior = compiled.prior(model);
        double[] rates = new double[known.length];
        for (int i = 0; i < known.length; i++) {
            rates[i] = tagRate(compiled, model, known[i], table);
        }
        int n = rates.length;
        return switch (table.scoring().combination()) {
            case MEAN -> {
                double sum = 0;
                for (int i = 0; i < n; i++) {
                    sum += rates[i];
                }
                yield sum / n;
            }
            case SUM -> {
                double sum = prior;
                for (int i = 0; i < n; i++) {
                    sum += rates[i] - prior;
                }
                yield Math.min(1, Math.max(0, sum));
            }
            case LOG_ODDS -> {
                double base = logit(prior);
                double sum = base;
                for (int i = 0; i < n; i++) {
                    sum += logit(rates[i]) - base;
                }
                yield 1 / (1 + Math.exp(-sum));
            }
        };
    }

    // A tag's shrunk rate as the table holds it, recomputed from its counts.
    private static double tagRate(CompiledTable compiled, int model, int tag, RoutingTable table) {
        var counts = table.tags().get(tag).outcomes().getOrDefault(table.models().get(model).name(),
                dev.tagrouter.table.OutcomeCounts.ZERO);
        return new AcceptEstimator(table.scoring().priorStrength(), table.scoring().combination())
                .tagRate(counts, compiled.prior(model));
    }

    private static double logit(double p) {
        double q = Math.min(1 - 1e-9, Math.max(1e-9, p));
        return Math.log(q / (1 - q));
    }
}
