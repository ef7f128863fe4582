package dev.tagrouter.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * A method's figures for the report (definitions in {@link CurveMetrics}), over folds and on the fold-averaged curve:
 *
 * <ul>
 *   <li>{@code auc}, {@code gainOverLine} (AUC minus the straight line's), {@code arGain}, {@code costCut}: per fold,
 *       as mean and spread. A fold whose curve never reaches the strongest model's accept rate counts as a 0% cut
 *       (calling the strongest model is always possible) and is not in {@code costCutReached}.</li>
 *   <li>{@code avg*}: the same read off the fold-averaged curve against the fold-averaged references.</li>
 *   <li>{@code cross*} (theta sweeps only): the operating point is chosen on the other folds (same grid position,
 *       best AR within the strongest model's cost there; or cheapest point reaching its AR there) and measured on the
 *       held-out fold, which removes the optimism of picking the best of many thetas on the test prompts.</li>
 * </ul>
 */
public record MethodSummary(String name, MethodCurves.Kind kind, Spread auc, Spread gainOverLine, Spread arGain,
                            Spread costCut, int costCutReached, Spread acceptRate, Spread meanCost, double totalCost,
                            double avgAuc, double avgArGain, OptionalDouble avgCostCut, OperatingPoint avgBestWithin,
                            Spread crossArGain, Spread crossCostAtArGain, Spread crossCostCut, Spread crossArAtCostCut) {

    public static MethodSummary of(MethodCurves curves, List<Reference> refs, Reference avgRef) {
        int k = curves.folds().size();
        double[] auc = new double[k];
        double[] line = new double[k];
        double[] gain = new double[k];
        double[] cut = new double[k];
        double[] ar = new double[k];
        double[] cost = new double[k];
        int reached = 0;
        for (int f = 0; f < k; f++) {
            List<OperatingPoint> pts = curves.folds().get(f);
            Reference ref = refs.get(f);
            auc[f] = CurveMetrics.auc(pts, ref);
            line[f] = auc[f] - CurveMetrics.lineArea(ref);
            gain[f] = CurveMetrics.arGain(pts, ref);
            OptionalDouble c = CurveMetrics.costCut(pts, ref);
            cut[f] = c.orElse(0);
            reached += c.isPresent() ? 1 : 0;
            ar[f] = pts.size() == 1 ? pts.get(0).acceptRate() : Double.NaN;
            cost[f] = pts.size() == 1 ? pts.get(0).meanCostUsd() : Double.NaN;
        }
        List<OperatingPoint> avg = curves.averaged();
        double total = avg.size() == 1 ? avg.get(0).totalCostUsd() : Double.NaN;
        OperatingPoint bestWithin = null;
        for (OperatingPoint p : avg) {
            if (p.meanCostUsd() <= avgRef.strongCost() * (1 + 1e-12)
                    && (bestWithin == null || p.acceptRate() > bestWithin.acceptRate())) {
                bestWithin = p;
            }
        }
        Spread[] cross = curves.kind().swept() && k > 1 ? crossFitted(curves, refs)
                : new Spread[]{none(), none(), none(), none()};
        return new MethodSummary(curves.name(), curves.kind(), Spread.of(auc), Spread.of(line), Spread.of(gain),
                Spread.of(cut), reached, Spread.of(ar), Spread.of(cost), total, CurveMetrics.auc(avg, avgRef),
                CurveMetrics.arGain(avg, avgRef), CurveMetrics.costCut(avg, avgRef), bestWithin, cross[0], cross[1],
                cross[2], cross[3]);
    }

    private static Spread none() {
        return new Spread(Double.NaN, Double.NaN, 0);
    }

    /** Returns AR gain, relative cost at that point, cost cut, and relative AR at that point, each cross-fitted. */
    private static Spread[] crossFitted(MethodCurves curves, List<Reference> refs) {
        int k = curves.folds().size();
        double[] gain = new double[k];
        double[] costAtGain = new double[k];
        double[] cut = new double[k];
        double[] arAtCut = new double[k];
        for (int f = 0; f < k; f++) {
            List<List<OperatingPoint>> others = new ArrayList<>();
            List<Reference> otherRefs = new ArrayList<>();
            for (int g = 0; g < k; g++) {
                if (g != f) {
                    others.add(curves.folds().get(g));
                    otherRefs.add(refs.get(g));
                }
            }
            List<OperatingPoint> avg = MethodCurves.averageByPosition(others);
            Reference ref = average(otherRefs);
            int bestGain = -1;
            int bestCut = -1;
            for (int j = 0; j < avg.size(); j++) {
                OperatingPoint p = avg.get(j);
                if (p.meanCostUsd() <= ref.strongCost()
                        && (bestGain < 0 || p.acceptRate() > avg.get(bestGain).acceptRate())) {
                    bestGain = j;
                }
                if (p.acceptRate() >= ref.strongAr()
                        && (bestCut < 0 || p.meanCostUsd() < avg.get(bestCut).meanCostUsd())) {
                    bestCut = j;
                }
            }
            List<OperatingPoint> held = curves.folds().get(f);
            Reference r = refs.get(f);
            gain[f] = bestGain < 0 ? Double.NaN : held.get(bestGain).acceptRate() / r.strongAr() - 1;
            costAtGain[f] = bestGain < 0 ? Double.NaN : held.get(bestGain).meanCostUsd() / r.strongCost() - 1;
            // Not reaching the strongest AR on the other folds means: call the strongest model, no cut.
            cut[f] = bestCut < 0 ? 0 : 1 - held.get(bestCut).meanCostUsd() / r.strongCost();
            arAtCut[f] = bestCut < 0 ? 0 : held.get(bestCut).acceptRate() / r.strongAr() - 1;
        }
        return new Spread[]{Spread.of(gain), Spread.of(costAtGain), Spread.of(cut), Spread.of(arAtCut)};
    }

    static Reference average(List<Reference> refs) {
        double cc = 0, ca = 0, sc = 0, sa = 0;
        for (Reference r : refs) {
            cc += r.cheapCost();
            ca += r.cheapAr();
            sc += r.strongCost();
            sa += r.strongAr();
        }
        int k = refs.size();
        return new Reference(cc / k, ca / k, sc / k, sa / k);
    }
}
