package dev.tagrouter.evaluation;

import dev.tagrouter.table.RoutingTable;
import dev.tagrouter.tablebuilding.PreferenceDataset;
import dev.tagrouter.tablebuilding.PromptTagging;
import dev.tagrouter.tagging.TagResult;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Cross-validates one pool: per fold, builds the table on the training prompts, sweeps theta over the held-out
 * prompts, and scores the reference methods on the same prompts. Every variant of a run uses the same folds (same
 * seed), so differences between variants are paired.
 */
public final class PoolEvaluator {

    private final PreferenceDataset dataset;
    private final EvaluationSettings settings;
    private final Map<String, List<String>> aliases;
    private final Progress progress;
    private final ThetaSweep sweep;
    private final TagRouterMethod tagRouter = new TagRouterMethod();

    public PoolEvaluator(PreferenceDataset dataset, EvaluationSettings settings, Map<String, List<String>> aliases,
                         Progress progress) {
        this.dataset = dataset;
        this.settings = settings;
        this.aliases = aliases;
        this.progress = progress;
        this.sweep = new ThetaSweep(settings.sweepSteps());
    }

    public List<Fold> folds(PoolData data) {
        return new FoldSplitter().split(data.size(), settings.folds(), new Random(settings.seed()));
    }

    /** @param baselines also score the oracle, single models, random and kNN (the ablations only need TagRouter) */
    public PoolResult evaluate(PoolData data, Variant variant, boolean baselines) {
        return evaluate(data, variant, baselines, folds(data));
    }

    /**
     * Evaluates on given folds: k-fold cross-validation, or one fold whose training prompts come from one dataset and
     * whose test prompts from another (transfer).
     */
    public PoolResult evaluate(PoolData data, Variant variant, boolean baselines, List<Fold> folds) {
        long start = System.nanoTime();
        int cheapest = cheapestModel(data);
        int strongest = strongestModel(data);
        int models = data.modelCount();
        List<List<List<OperatingPoint>>> singles = new ArrayList<>();
        for (int m = 0; m < models; m++) {
            singles.add(new ArrayList<>());
        }
        List<List<OperatingPoint>> oracle = new ArrayList<>();
        List<List<OperatingPoint>> random = new ArrayList<>();
        List<Reference> references = new ArrayList<>();
        KnnBaseline knnBaseline = new KnnBaseline(settings.knnK());
        List<List<PromptChoice>> tagChoices = new ArrayList<>();
        List<List<PromptChoice>> knnChoices = new ArrayList<>();
        for (Fold fold : folds) {
            List<OperatingPoint> foldSingles = new ArrayList<>();
            for (int m = 0; m < models; m++) {
                int[] chosen = new int[fold.test().length];
                java.util.Arrays.fill(chosen, m);
                foldSingles.add(OperatingPoint.of(data, fold.test(), chosen, Double.NaN));
            }
            references.add(new Reference(foldSingles.get(cheapest).meanCostUsd(),
                    foldSingles.get(cheapest).acceptRate(), foldSingles.get(strongest).meanCostUsd(),
                    foldSingles.get(strongest).acceptRate()));

            Map<String, TagResult> foldTags = variant.tags().tags(data, fold);
            RoutingTable table = tagRouter.table(dataset, data, fold, foldTags, aliases, variant.tags().name(),
                    variant.buildOptions("eval-" + data.pool().name() + "-fold" + fold.index(), data.pool(),
                            settings.mapping(), settings));
            tagChoices.add(tagRouter.choices(data, fold.test(), table, variant.rule(), foldTags));
            if (baselines) {
                for (int m = 0; m < models; m++) {
                    singles.get(m).add(List.of(foldSingles.get(m)));
                }
                oracle.add(List.of(Oracle.point(data, fold.test())));
                random.add(new RandomBaseline(foldSingles).curve());
                knnChoices.add(knnBaseline.choices(data, fold, table.models()));
            }
            progress.step(String.format(java.util.Locale.ROOT, "%s / %s: fold %d of %d done", data.pool().name(),
                    variant.name(), fold.index() + 1, folds.size()));
        }
        Sweep tags = sweep(data, tagChoices, variant);
        long known = tagChoices.stream().flatMap(List::stream).filter(PromptChoice::knownTag).count();
        long heldOut = tagChoices.stream().mapToLong(List::size).sum();
        List<MethodCurves> methods = new ArrayList<>();
        if (baselines) {
            Sweep knn = sweep(data, knnChoices, variant);
            methods.add(new MethodCurves("oracle", MethodCurves.Kind.ORACLE, oracle,
                    MethodCurves.averageByPosition(oracle), null));
            List<OperatingPoint> averagedSingles = new ArrayList<>();
            for (int m = 0; m < models; m++) {
                averagedSingles.add(MethodCurves.averageByPosition(singles.get(m)).get(0));
            }
            List<Integer> byCost = new ArrayList<>();
            for (int m = 0; m < models; m++) {
                byCost.add(m);
            }
            byCost.sort(java.util.Comparator.comparingDouble(m -> averagedSingles.get(m).meanCostUsd()));
            for (int m : byCost) {
                methods.add(new MethodCurves(data.pool().models().get(m), MethodCurves.Kind.SINGLE, singles.get(m),
                        List.of(averagedSingles.get(m)), null));
            }
            methods.add(new MethodCurves("random (matched cost)", MethodCurves.Kind.RANDOM, random,
                    new RandomBaseline(averagedSingles).curve(), null));
            methods.add(new MethodCurves("kNN TF-IDF (k=" + settings.knnK() + ")", MethodCurves.Kind.KNN,
                    knn.folds(), MethodCurves.averageByPosition(knn.folds()), knn.pooled()));
        }
        methods.add(new MethodCurves("tagrouter", MethodCurves.Kind.SWEEP, tags.folds(),
                MethodCurves.averageByPosition(tags.folds()), tags.pooled()));
        return new PoolResult(data, variant, cheapest, strongest, folds, references, methods,
                heldOut == 0 ? 0 : known / (double) heldOut, (System.nanoTime() - start) / 1e9);
    }

    /** Per-fold curves and the pooled held-out choices of one swept method. */
    private record Sweep(List<List<OperatingPoint>> folds, PooledChoices pooled) {
    }

    private Sweep sweep(PoolData data, List<List<PromptChoice>> perFold, Variant variant) {
        double[] grid = sweep.grid(perFold.stream().flatMap(List::stream).toList(), variant.rule());
        List<List<OperatingPoint>> curves = new ArrayList<>();
        int total = perFold.stream().mapToInt(List::size).sum();
        int[] prompts = new int[total];
        int[][] chosen = new int[grid.length][total];
        int at = 0;
        for (List<PromptChoice> fold : perFold) {
            curves.add(sweep.sweep(data, fold, variant.rule(), grid));
            int[][] c = sweep.choices(fold, variant.rule(), grid);
            for (int i = 0; i < fold.size(); i++) {
                prompts[at + i] = fold.get(i).prompt();
                for (int j = 0; j < grid.length; j++) {
                    chosen[j][at + i] = c[j][i];
                }
            }
            at += fold.size();
        }
        return new Sweep(curves, new PooledChoices(grid, prompts, chosen));
    }

    /** Tags all prompts once per tag source, so the first fold does not carry the tagging time. */
    public void warmUp(PoolData data, Variant variant) {
        if (variant.tags() instanceof CuratedTags curated) {
            curated.curated(data.prompts());
        }
    }

    static int cheapestModel(PoolData data) {
        int best = 0;
        double bestCost = Double.POSITIVE_INFINITY;
        for (int m = 0; m < data.modelCount(); m++) {
            double total = 0;
            for (int p = 0; p < data.size(); p++) {
                total += data.cost(p, m);
            }
            if (total < bestCost) {
                best = m;
                bestCost = total;
            }
        }
        return best;
    }

    static int strongestModel(PoolData data) {
        int best = 0;
        int bestAccepted = -1;
        for (int m = 0; m < data.modelCount(); m++) {
            int accepted = 0;
            for (int p = 0; p < data.size(); p++) {
                accepted += data.accepted(p, m) ? 1 : 0;
            }
            if (accepted > bestAccepted) {
                best = m;
                bestAccepted = accepted;
            }
        }
        return best;
    }

    static Map<String, List<String>> aliasesOf(java.util.Collection<dev.tagrouter.tagging.CanonicalTag> vocabulary) {
        return PromptTagging.aliases(vocabulary);
    }
}
