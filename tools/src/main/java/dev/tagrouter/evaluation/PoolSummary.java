package dev.tagrouter.evaluation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The machine-readable result of one pool (written to {@code summary.json}): every method's pooled held-out AUC, the
 * differences of tagrouter's to random and kNN with paired bootstrap intervals, the headline numbers, the two-model
 * metrics, the presets' held-out results and the warnings. AUCs are the mean over seeds.
 */
public record PoolSummary(String dataset, String pool, List<String> models, String cheapest, String strongest,
                          int prompts, int folds, List<Long> seeds, String variant, Map<String, Double> auc,
                          Difference minusRandom, Difference minusKnn, double arGain, Double costCut,
                          TwoModelMetrics twoModel, Map<String, PresetCheck.Result> presets, double knownTagShare,
                          List<String> warnings) {

    /** A difference with its 95% intervals over prompts and over folds. */
    public record Difference(double mean, double[] promptInterval, double[] foldInterval) {

        static Difference of(PairedBootstrap.Interval prompts, PairedBootstrap.Interval folds) {
            return new Difference(prompts.mean(), new double[]{prompts.low(), prompts.high()},
                    new double[]{folds.low(), folds.high()});
        }
    }

    public static PoolSummary of(String dataset, List<PoolResult> seeds, List<Long> seedValues, List<String> warnings,
                                 int replicates) {
        PoolResult first = seeds.get(0);
        PoolData data = first.data();
        PairedBootstrap bootstrap = new PairedBootstrap(replicates, 7);
        Map<String, Double> auc = new LinkedHashMap<>();
        for (MethodCurves m : first.methods()) {
            if (m.kind() == MethodCurves.Kind.SINGLE) {
                continue;
            }
            auc.put(m.name(), m.kind() == MethodCurves.Kind.ORACLE
                    ? seeds.stream().mapToDouble(r -> CurveMetrics.auc(r.method(MethodCurves.Kind.ORACLE).averaged(),
                    r.averagedReference())).average().orElse(Double.NaN)
                    : PairedBootstrap.pooledAuc(seeds, m.kind()));
        }
        Difference random = Difference.of(bootstrap.overPrompts(seeds, PairedBootstrap.Against.RANDOM),
                bootstrap.overFolds(seeds, PairedBootstrap.Against.RANDOM));
        Difference knn = Difference.of(bootstrap.overPrompts(seeds, PairedBootstrap.Against.KNN),
                bootstrap.overFolds(seeds, PairedBootstrap.Against.KNN));
        MethodSummary tag = MethodSummary.of(first.tagRouter(), first.references(), first.averagedReference());
        return new PoolSummary(dataset, data.pool().name(), data.pool().models(),
                data.pool().models().get(first.cheapest()), data.pool().models().get(first.strongest()), data.size(),
                first.folds().size(), List.copyOf(seedValues), Ablations.describe(first.variant()), auc, random, knn,
                tag.avgArGain(), tag.avgCostCut().isPresent() ? tag.avgCostCut().getAsDouble() : null,
                data.modelCount() == 2 ? TwoModelMetrics.of(seeds) : null, PresetCheck.of(seeds),
                first.knownTagShare(), new ArrayList<>(warnings));
    }
}
