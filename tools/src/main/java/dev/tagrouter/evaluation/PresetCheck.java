package dev.tagrouter.evaluation;

import dev.tagrouter.table.CurvePoint;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Whether the presets keep their promise on prompts they were not chosen on: for every seed and fold, the presets are
 * picked (as {@code build-table} picks them) on the curve of the other folds, then measured on the held-out fold.
 */
public final class PresetCheck {

    /**
     * A preset's held-out result, averaged over seeds and folds.
     *
     * @param acceptRate   held-out accept rate
     * @param costShare    held-out mean cost / the strongest model's on the same fold
     * @param target       the accept rate it promised to reach on that fold (by its gap share), averaged
     * @param reachedShare share of folds where the held-out accept rate reached the fold's own target
     */
    public record Result(double acceptRate, double costShare, double target, double reachedShare) {
    }

    private PresetCheck() {
    }

    public static Map<String, Result> of(List<PoolResult> seeds) {
        Map<String, double[]> sums = new LinkedHashMap<>();
        int n = 0;
        for (PoolResult r : seeds) {
            List<List<OperatingPoint>> folds = r.tagRouter().folds();
            int k = folds.size();
            if (k < 2) {
                continue;
            }
            for (int f = 0; f < k; f++) {
                List<List<OperatingPoint>> others = new ArrayList<>();
                List<Reference> otherRefs = new ArrayList<>();
                for (int g = 0; g < k; g++) {
                    if (g != f) {
                        others.add(folds.get(g));
                        otherRefs.add(r.references().get(g));
                    }
                }
                Reference ref = MethodSummary.average(otherRefs);
                List<OperatingPoint> avg = MethodCurves.averageByPosition(others);
                List<CurvePoint> curve = new ArrayList<>();
                for (OperatingPoint p : avg) {
                    curve.add(new CurvePoint(p.theta(), p.acceptRate(), OperatingCurve.share(p.meanCostUsd(), ref)));
                }
                int[] positions = OperatingCurve.positions(curve, ref);
                Reference held = r.references().get(f);
                for (int i = 0; i < positions.length; i++) {
                    OperatingPoint p = folds.get(f).get(positions[i]);
                    double target = OperatingCurve.target(held, i);
                    double[] s = sums.computeIfAbsent(OperatingCurve.NAMES[i], x -> new double[4]);
                    s[0] += p.acceptRate();
                    s[1] += OperatingCurve.share(p.meanCostUsd(), held);
                    s[2] += target;
                    s[3] += p.acceptRate() >= target - 1e-12 ? 1 : 0;
                }
                n++;
            }
        }
        Map<String, Result> out = new LinkedHashMap<>();
        for (Map.Entry<String, double[]> e : sums.entrySet()) {
            double[] s = e.getValue();
            out.put(e.getKey(), new Result(s[0] / n, s[1] / n, s[2] / n, s[3] / n));
        }
        return out;
    }
}
