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

    private final EvaluationSettings settings;
    private final Progress progress;
    private final PlotWriter plots = new PlotWriter();

    public EvaluationRun(EvaluationSettings settings, Progress progress) {
        this.settings = settings;
        this.progress = progress;
    }

    public List<PoolReport> run(PreferenceDataset dataset, List<PoolData> pools, Variant base, boolean ablations,
                                Path outDir) throws IOException {
        Map<String, List<String>> aliases = PromptTagging.aliases(TagVocabulary.curated().tags());
        PoolEvaluator evaluator = new PoolEvaluator(dataset, settings, aliases, progress);
        List<PoolReport> reports = new ArrayList<>();
        for (PoolData data : pools) {
            evaluator.warmUp(data, base);
            PoolResult main = evaluator.evaluate(data, base, true);
            progress.step(String.format(java.util.Locale.ROOT, "%s: main evaluation done in %.1f s",
                    data.pool().name(), main.seconds()));
            List<PoolResult> rows = new ArrayList<>();
            long start = System.nanoTime();
            if (ablations) {
                for (Variant v : Ablations.of(base)) {
                    rows.add(evaluator.evaluate(data, v, false));
                }
            }
            double ablationSeconds = (System.nanoTime() - start) / 1e9;
            String slug = data.pool().name().replaceAll("[^A-Za-z0-9._-]", "_");
            String curves = slug + "-curves.png";
            String heat = slug + "-tag-heatmap.png";
            plots.curves(main, outDir.resolve(curves));
            Fold everything = new Fold(-1, IntStream.range(0, data.size()).toArray(), new int[0]);
            RoutingTable table = new TagRouterMethod().table(dataset, data, everything,
                    base.tags().tags(data, everything), aliases, base.tags().name(),
                    base.buildOptions("eval-" + slug + "-all", data.pool(), settings.mapping(), settings));
            plots.heatMap(table, data.pool().name(), HEAT_MAP_TAGS, outDir.resolve(heat));
            reports.add(new PoolReport(main, rows, ablationSeconds, curves, heat));
        }
        return reports;
    }
}
