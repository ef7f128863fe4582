package dev.tagrouter.evaluation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Paired bootstrap 95% intervals for a difference in AUC between tagrouter and a baseline (random routing at matched
 * cost, or kNN), over the repeated cross-validations of one pool (one {@link PoolResult} per seed):
 *
 * <ul>
 *   <li>over prompts: each replicate resamples the held-out prompts with replacement, with the same weights for
 *       every seed and every method (paired), recomputes every curve and the single models' points (so random's hull
 *       moves with them) on the pooled held-out choices, and averages the difference over the seeds;</li>
 *   <li>over folds: the per-fold differences of every seed, resampled as units.</li>
 * </ul>
 * Percentile intervals; the point estimate is the difference on all prompts with weight 1.
 */
public final class PairedBootstrap {

    /** A point estimate with its percentile interval. */
    public record Interval(double mean, double low, double high) {
    }

    /** The baseline a difference is taken against. */
    public enum Against { RANDOM, KNN }

    private final int replicates;
    private final long seed;

    public PairedBootstrap(int replicates, long seed) {
        this.replicates = replicates;
        this.seed = seed;
    }

    /** AUC(tagrouter) - AUC(baseline), resampling prompts. */
    public Interval overPrompts(List<PoolResult> seeds, Against against) {
        PoolData data = seeds.get(0).data();
        double estimate = meanDifference(seeds, against, ones(data.size()));
        SplittableRandom root = new SplittableRandom(seed);
        long[] streams = new long[replicates];
        for (int b = 0; b < replicates; b++) {
            streams[b] = root.nextLong();
        }
        double[] diffs = IntStream.range(0, replicates).parallel().mapToDouble(b -> {
            SplittableRandom random = new SplittableRandom(streams[b]);
            double[] w = new double[data.size()];
            for (int i = 0; i < data.size(); i++) {
                w[random.nextInt(data.size())]++;
            }
            return meanDifference(seeds, against, w);
        }).toArray();
        return interval(estimate, diffs);
    }

    /** AUC(tagrouter) - AUC(baseline), resampling the folds of every seed. */
    public Interval overFolds(List<PoolResult> seeds, Against against) {
        List<Double> perFold = new ArrayList<>();
        for (PoolResult r : seeds) {
            List<List<OperatingPoint>> tag = r.tagRouter().folds();
            for (int f = 0; f < r.folds().size(); f++) {
                Reference ref = r.references().get(f);
                double baseline = against == Against.RANDOM
                        ? CurveMetrics.auc(r.method(MethodCurves.Kind.RANDOM).folds().get(f), ref)
                        : CurveMetrics.auc(r.method(MethodCurves.Kind.KNN).folds().get(f), ref);
                perFold.add(CurveMetrics.auc(tag.get(f), ref) - baseline);
            }
        }
        double[] values = perFold.stream().mapToDouble(Double::doubleValue).toArray();
        double estimate = Arrays.stream(values).average().orElse(Double.NaN);
        SplittableRandom random = new SplittableRandom(seed);
        double[] means = new double[replicates];
        for (int b = 0; b < replicates; b++) {
            double sum = 0;
            for (int i = 0; i < values.length; i++) {
                sum += values[random.nextInt(values.length)];
            }
            means[b] = sum / values.length;
        }
        return interval(estimate, means);
    }

    /** The pooled held-out AUC of tagrouter and of every baseline, with weight 1 on every prompt, mean over seeds. */
    public static double pooledAuc(List<PoolResult> seeds, MethodCurves.Kind kind) {
        double sum = 0;
        for (PoolResult r : seeds) {
            double[] w = ones(r.data().size());
            Reference ref = reference(r, w);
            sum += CurveMetrics.auc(kind == MethodCurves.Kind.RANDOM ? randomCurve(r, w) : curve(r, r.method(kind), w),
                    ref);
        }
        return sum / seeds.size();
    }

    private static double meanDifference(List<PoolResult> seeds, Against against, double[] w) {
        double sum = 0;
        for (PoolResult r : seeds) {
            Reference ref = reference(r, w);
            double tag = CurveMetrics.auc(curve(r, r.tagRouter(), w), ref);
            double base = against == Against.RANDOM ? CurveMetrics.auc(randomCurve(r, w), ref)
                    : CurveMetrics.auc(curve(r, r.method(MethodCurves.Kind.KNN), w), ref);
            sum += tag - base;
        }
        return sum / seeds.size();
    }

    /** The pooled curve of a swept method with prompt weights. */
    static List<OperatingPoint> curve(PoolResult r, MethodCurves method, double[] w) {
        PooledChoices c = method.pooled();
        List<OperatingPoint> points = new ArrayList<>(c.grid().length);
        for (int j = 0; j < c.grid().length; j++) {
            points.add(point(r.data(), c.prompts(), c.chosen()[j], w, c.grid()[j]));
        }
        return points;
    }

    static List<OperatingPoint> singles(PoolResult r, double[] w) {
        PoolData data = r.data();
        int[] prompts = r.tagRouter().pooled().prompts();
        List<OperatingPoint> singles = new ArrayList<>();
        for (int m = 0; m < data.modelCount(); m++) {
            int[] chosen = new int[prompts.length];
            Arrays.fill(chosen, m);
            singles.add(point(data, prompts, chosen, w, Double.NaN));
        }
        return singles;
    }

    private static List<OperatingPoint> randomCurve(PoolResult r, double[] w) {
        return new RandomBaseline(singles(r, w)).curve();
    }

    static Reference reference(PoolResult r, double[] w) {
        List<OperatingPoint> s = singles(r, w);
        OperatingPoint cheap = s.get(r.cheapest());
        OperatingPoint strong = s.get(r.strongest());
        return new Reference(cheap.meanCostUsd(), cheap.acceptRate(), strong.meanCostUsd(), strong.acceptRate());
    }

    static OperatingPoint point(PoolData data, int[] prompts, int[] chosen, double[] w, double knob) {
        double weight = 0;
        double accepted = 0;
        double cost = 0;
        for (int i = 0; i < prompts.length; i++) {
            double wi = w[prompts[i]];
            if (wi == 0) {
                continue;
            }
            weight += wi;
            accepted += data.accepted(prompts[i], chosen[i]) ? wi : 0;
            cost += wi * data.cost(prompts[i], chosen[i]);
        }
        double n = Math.max(weight, 1e-12);
        return new OperatingPoint(knob, accepted / n, cost / n, cost);
    }

    static double[] ones(int n) {
        double[] w = new double[n];
        Arrays.fill(w, 1);
        return w;
    }

    private static Interval interval(double estimate, double[] replicates) {
        double[] sorted = replicates.clone();
        Arrays.sort(sorted);
        int lo = (int) Math.floor(0.025 * (sorted.length - 1));
        int hi = (int) Math.ceil(0.975 * (sorted.length - 1));
        return new Interval(estimate, sorted[lo], sorted[hi]);
    }
}
