package dev.tagrouter.evaluation;

import dev.tagrouter.table.CurvePoint;
import dev.tagrouter.table.DecisionSettings;
import dev.tagrouter.table.Preset;
import dev.tagrouter.tablebuilding.PreferenceDataset;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The operating points a table carries: its policy cross-validated on its own training data (the same evaluation
 * as {@code tagrouter evaluate}, TagRouter only), as accept rate and cost share per cost preference, and the presets
 * read off that curve. Preset definitions, after RouteLLM's CPT: {@code quality} is the cheapest point whose held-out
 * accept rate reaches the strongest model's, {@code balanced} the cheapest reaching 80% of the gap between the
 * cheapest and the strongest model, {@code budget} 50% of it; a level no point reaches falls back to the most
 * accepted point. Of knob values that give that same point, the middle one is taken.
 */
public final class OperatingCurve {

    public static final String QUALITY = "quality";
    public static final String BALANCED = "balanced";
    public static final String BUDGET = "budget";
    static final double[] GAP_SHARES = {1.0, 0.8, 0.5};
    static final String[] NAMES = {QUALITY, BALANCED, BUDGET};

    private OperatingCurve() {
    }

    /** The cross-validated curve and presets of a variant on a pool, ready to be written into its table. */
    public static DecisionSettings measure(PreferenceDataset dataset, PoolData data, Variant variant,
                                           EvaluationSettings settings, DecisionSettings bare, String defaultPreset,
                                           Map<String, List<String>> aliases) {
        PoolResult result = new PoolEvaluator(dataset, settings, aliases, Progress.silent())
                .evaluate(data, variant, false);
        Reference ref = result.averagedReference();
        List<CurvePoint> curve = new ArrayList<>();
        for (OperatingPoint p : result.tagRouter().averaged()) {
            curve.add(new CurvePoint(p.theta(), p.acceptRate(), share(p.meanCostUsd(), ref)));
        }
        List<Preset> presets = presets(curve, ref);
        if (presets.stream().noneMatch(p -> p.name().equals(defaultPreset))) {
            throw new IllegalArgumentException("default preset '" + defaultPreset + "' is not one of " + List.of(NAMES));
        }
        return bare.withCurve(curve, presets, defaultPreset, settings.folds());
    }

    /** The presets on a curve, given the reference points it was measured against. */
    static List<Preset> presets(List<CurvePoint> curve, Reference ref) {
        List<Preset> presets = new ArrayList<>();
        int[] positions = positions(curve, ref);
        for (int i = 0; i < NAMES.length; i++) {
            double target = target(ref, i);
            String promise = String.format(java.util.Locale.ROOT, "cheapest point with accept rate >= %.1f%% (%s of"
                    + " the gap from the cheapest to the strongest model)", 100 * target,
                    GAP_SHARES[i] == 1.0 ? "all" : Math.round(100 * GAP_SHARES[i]) + "%");
            if (curve.get(positions[i]).acceptRate() < target - 1e-12) {
                promise += "; not reached, so the most accepted point";
            }
            CurvePoint point = curve.get(positions[i]);
            presets.add(new Preset(NAMES[i], point.costPreference(), point.acceptRate(), point.costShare(), promise));
        }
        return presets;
    }

    /** The accept rate preset {@code i} must reach. */
    static double target(Reference ref, int i) {
        return ref.cheapAr() + GAP_SHARES[i] * (ref.strongAr() - ref.cheapAr());
    }

    /** Where on the curve each preset sits, in the order of {@link #NAMES}. */
    static int[] positions(List<CurvePoint> curve, Reference ref) {
        int[] positions = new int[NAMES.length];
        for (int i = 0; i < NAMES.length; i++) {
            double target = target(ref, i);
            int chosen = -1;
            int best = 0;
            for (int j = 0; j < curve.size(); j++) {
                CurvePoint p = curve.get(j);
                if (p.acceptRate() >= target - 1e-12
                        && (chosen < 0 || p.costShare() < curve.get(chosen).costShare())) {
                    chosen = j;
                }
                if (p.acceptRate() > curve.get(best).acceptRate()) {
                    best = j;
                }
            }
            positions[i] = middleOfPlateau(curve, chosen < 0 ? best : chosen);
        }
        return positions;
    }

    /**
     * Neighbouring knob values often give the very same held-out point; of such a run the middle one is furthest from
     * the decisions that change on either side, so it keeps its promise best on prompts it was not picked on.
     */
    static int middleOfPlateau(List<CurvePoint> curve, int at) {
        CurvePoint p = curve.get(at);
        int from = at;
        while (from > 0 && same(curve.get(from - 1), p)) {
            from--;
        }
        int to = at;
        while (to < curve.size() - 1 && same(curve.get(to + 1), p)) {
            to++;
        }
        return (from + to) / 2;
    }

    private static boolean same(CurvePoint a, CurvePoint b) {
        return Math.abs(a.acceptRate() - b.acceptRate()) < 1e-12 && Math.abs(a.costShare() - b.costShare()) < 1e-12;
    }

    static double share(double meanCost, Reference ref) {
        return ref.strongCost() > 0 ? meanCost / ref.strongCost() : 0;
    }
}
