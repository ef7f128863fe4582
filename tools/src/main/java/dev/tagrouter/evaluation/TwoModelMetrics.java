package dev.tagrouter.evaluation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * RouteLLM's two-model metrics (Ong et al. 2024, section 5.1) on a router's pooled held-out curve, with the curve
 * parametrised by the share of calls sent to the strong model and joined by straight lines in that order:
 * APGR = mean over strong-call shares from 0 to 1 of (AR - AR_weak) / (AR_strong - AR_weak) (random routing: 0.5);
 * CPT(x) = the smallest strong-call share whose AR recovers x of the gap.
 *
 * @param apgr  average performance gap recovered
 * @param cpt50 strong-call share needed for 50% of the gap (NaN when never reached)
 * @param cpt80 the same for 80%
 */
public record TwoModelMetrics(double apgr, double cpt50, double cpt80) {

    /** Mean over seeds of the metrics on each seed's pooled curve. */
    public static TwoModelMetrics of(List<PoolResult> seeds) {
        double apgr = 0;
        double cpt50 = 0;
        double cpt80 = 0;
        for (PoolResult r : seeds) {
            double[] w = PairedBootstrap.ones(r.data().size());
            List<double[]> curve = shareCurve(r, w);
            Reference ref = PairedBootstrap.reference(r, w);
            double gap = ref.strongAr() - ref.cheapAr();
            apgr += integrate(curve, ref.cheapAr(), gap);
            cpt50 += cpt(curve, ref.cheapAr() + 0.5 * gap);
            cpt80 += cpt(curve, ref.cheapAr() + 0.8 * gap);
        }
        int n = seeds.size();
        return new TwoModelMetrics(apgr / n, cpt50 / n, cpt80 / n);
    }

    private static List<double[]> shareCurve(PoolResult r, double[] w) {
        PooledChoices c = r.tagRouter().pooled();
        Reference ref = PairedBootstrap.reference(r, w);
        List<double[]> points = new ArrayList<>();
        points.add(new double[]{0, ref.cheapAr()});
        for (int j = 0; j < c.grid().length; j++) {
            int strong = 0;
            for (int i = 0; i < c.prompts().length; i++) {
                strong += c.chosen()[j][i] == r.strongest() ? 1 : 0;
            }
            OperatingPoint p = PairedBootstrap.point(r.data(), c.prompts(), c.chosen()[j], w, Double.NaN);
            points.add(new double[]{strong / (double) c.prompts().length, p.acceptRate()});
        }
        points.add(new double[]{1, ref.strongAr()});
        points.sort(Comparator.comparingDouble(p -> p[0]));
        return points;
    }

    private static double integrate(List<double[]> curve, double weak, double gap) {
        if (!(gap > 0)) {
            return Double.NaN;
        }
        double area = 0;
        for (int i = 1; i < curve.size(); i++) {
            double[] a = curve.get(i - 1);
            double[] b = curve.get(i);
            area += (b[0] - a[0]) * ((a[1] + b[1]) / 2 - weak) / gap;
        }
        return area;
    }

    private static double cpt(List<double[]> curve, double target) {
        for (int i = 1; i < curve.size(); i++) {
            double[] a = curve.get(i - 1);
            double[] b = curve.get(i);
            if (b[1] >= target) {
                if (a[1] >= target || b[1] == a[1]) {
                    return a[1] >= target ? a[0] : b[0];
                }
                return a[0] + (b[0] - a[0]) * (target - a[1]) / (b[1] - a[1]);
            }
        }
        return Double.NaN;
    }
}
