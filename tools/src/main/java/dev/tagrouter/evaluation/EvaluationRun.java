package dev.tagrouter.evaluation;

import dev.tagrouter.table.RoutingTable;
import dev.tagrouter.tablebuilding.PreferenceDataset;
import dev.tagrouter.tablebuilding.PromptTagging;
import dev.tagrouter.tagging.TagVocabulary;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/** Runs the whole evaluation of several pools (main evaluation, ablations, figures) and collects the reports. */
public final class EvaluationRun {

    static final int HEAT_MAP_TAGS = 25;
    static final int BOOTSTRAP_REPLICATES = 400;

    private final EvaluationSettings settings;
    private final Progress progress;
    private final PlotWriter plots = new PlotWriter();

    public EvaluationRun(EvaluationSettings settings, Progress progress) {
        this.settings = settings;
        this.progress = progress;
    }

    /**
     * @param seeds     cross-validation repeats (seed, seed + 1, ...); the report's tables show the first
     * @param transfer  for a train-on-one, test-on-another run: the pool's single fold; null for cross-validation
     * @param warnings  run-level warnings to carry into every pool's summary
     */
    public List<PoolReport> run(PreferenceDataset dataset, List<PoolData> pools, Variant base, boolean ablations,
                                int seeds, java.util.function.Function<PoolData, Fold> transfer, List<String> warnings,
                                Path outDir) throws IOException {
        Map<String, List<String>> aliases = PromptTagging.aliases(TagVocabulary.curated().tags());
        PoolEvaluator evaluator = new PoolEvaluator(dataset, settings, aliases, progress);
        List<PoolReport> reports = new ArrayList<>();
        for (PoolData data : pools) {
            evaluator.warmUp(data, base);
            List<Fold> folds = transfer == null ? evaluator.folds(data) : List.of(transfer.apply(data));
            PoolResult main = evaluator.evaluate(data, base, true, folds);
            List<PoolResult> repeats = new ArrayList<>(List.of(main));
            List<Long> seedValues = new ArrayList<>(List.of(settings.seed()));
            for (int i = 1; transfer == null && i < seeds; i++) {
                EvaluationSettings again = settings.withSeed(settings.seed() + i);
                PoolEvaluator other = new PoolEvaluator(dataset, again, aliases, progress);
                repeats.add(other.evaluate(data, base, true));
                seedValues.add(again.seed());
            }
            progress.step(String.format(java.util.Locale.ROOT, "%s: main evaluation done in %.1f s",
                    data.pool().name(), main.seconds()));
            List<PoolResult> rows = new ArrayList<>();
            long start = System.nanoTime();
            if (ablations) {
                for (Variant v : Ablations.of(base)) {
                    rows.add(evaluator.evaluate(data, v, false, folds));
                }
            }
            double ablationSeconds = (System.nanoTime() - start) / 1e9;
            String slug = data.pool().name().replaceAll("[^A-Za-z0-9._-]", "_");
            String curves = slug + "-curves.png";
            String heat = slug + "-tag-heatmap.png";
            plots.curves(main, outDir.resolve(curves));
            Fold everything = transfer == null ? new Fold(-1, IntStream.range(0, data.size()).toArray(), new int[0])
                    : new Fold(-1, folds.get(0).train(), new int[0]);
            RoutingTable table = new TagRouterMethod().table(dataset, data, everything,
                    base.tags().tags(data, everything), aliases, base.tags().name(),
                    base.buildOptions("eval-" + slug + "-all", data.pool(), settings.mapping(), settings));
            plots.heatMap(table, data.pool().name(), HEAT_MAP_TAGS, outDir.resolve(heat));
            List<String> poolWarnings = new ArrayList<>(warnings);
            poolWarnings.addAll(data.warnings());
            PoolSummary summary = PoolSummary.of(dataset.name(), repeats, seedValues, poolWarnings, BOOTSTRAP_REPLICATES);
            reports.add(new PoolReport(main, repeats, rows, ablationSeconds, summary, curves, heat));
        }
        return reports;
    }
}
