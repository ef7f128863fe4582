package dev.tagrouter.evaluation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Curve summaries of TagRouter section 4.2 ("AUC" of the accept-rate-vs-cost curve, gain over the single models,
 * and the headline AR gain / cost cut against the strongest model), with our exact definitions:
 *
 * <ul>
 *   <li>Frontier: the method's points plus the cheapest single model's point (any router can fall back to always
 *       calling it), reduced to the Pareto-optimal ones (no other point is cheaper and at least as good), joined by
 *       straight lines (mixing two thetas at random reaches every point between them) and flat after the last.</li>
 *   <li>AUC = area under the frontier between the cheapest and the strongest single model's mean cost, divided by
 *       that cost range: the mean accept rate the method offers over the budgets between the two. The straight line
 *       between the two single models scores (AR_cheap + AR_strong) / 2, the "line" a method is compared with.</li>
 *   <li>AR gain: the best accept rate of an actual point (no interpolation) with mean cost &lt;= the strongest
 *       model's, relative to the strongest model's accept rate.</li>
 *   <li>Cost cut: 1 - (lowest mean cost of a point with AR &gt;= the strongest model's) / (strongest model's mean
 *       cost); empty when no point reaches that accept rate.</li>
 * </ul>
 */
public final class CurveMetrics {

    private CurveMetrics() {
    }

    public static double auc(List<OperatingPoint> points, Reference ref) {
        List<double[]> frontier = frontier(points, ref);
        double lo = ref.cheapCost();
        double hi = ref.strongCost();
        if (!(hi > lo)) {
            return envelope(frontier, lo);
        }
        double area = 0;
        // Integrate the piecewise-linear envelope exactly: it only bends at frontier costs.
        List<Double> knots = new ArrayList<>();
        knots.add(lo);
        for (double[] p : frontier) {
            if (p[0] > lo && p[0] < hi) {
                knots.add(p[0]);
            }
        }
        knots.add(hi);
        for (int i = 1; i < knots.size(); i++) {
            double a = knots.get(i - 1);
            double b = knots.get(i);
            area += (b - a) * (envelope(frontier, a) + envelope(frontier, b)) / 2;
        }
        return area / (hi - lo);
    }

    /** Normalised area under the straight line between the cheapest and the strongest single model. */
    public static double lineArea(Reference ref) {
        return (ref.cheapAr() + ref.strongAr()) / 2;
    }

    /** Relative AR gain over the strongest model at no more than its cost (can be negative; NaN if undefined). */
    public static double arGain(List<OperatingPoint> points, Reference ref) {
        double best = Double.NEGATIVE_INFINITY;
        for (OperatingPoint p : points) {
            if (p.meanCostUsd() <= ref.strongCost() * (1 + 1e-12)) {
                best = Math.max(best, p.acceptRate());
            }
        }
        if (best == Double.NEGATIVE_INFINITY || ref.strongAr() == 0) {
            return Double.NaN; // no point within the budget, or nothing to be relative to
        }
        return best / ref.strongAr() - 1;
    }

    /** Relative cost cut against the strongest model at no less than its accept rate, if reached. */
    public static OptionalDouble costCut(List<OperatingPoint> points, Reference ref) {
        double cheapest = Double.POSITIVE_INFINITY;
        for (OperatingPoint p : points) {
            if (p.acceptRate() >= ref.strongAr() - 1e-12) {
                cheapest = Math.min(cheapest, p.meanCostUsd());
            }
        }
        if (cheapest == Double.POSITIVE_INFINITY || ref.strongCost() == 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(1 - cheapest / ref.strongCost());
    }

    /** Best accept rate among points at or below the strongest model's cost, in absolute terms. */
    public static double bestArWithinStrongCost(List<OperatingPoint> points, Reference ref) {
        return (1 + arGain(points, ref)) * ref.strongAr();
    }

    /** Pareto frontier as (cost, AR) pairs, cheapest first, including the cheapest single model. */
    static List<double[]> frontier(List<OperatingPoint> points, Reference ref) {
        List<double[]> all = new ArrayList<>();
        all.add(new double[]{ref.cheapCost(), ref.cheapAr()});
        for (OperatingPoint p : points) {
            all.add(new double[]{p.meanCostUsd(), p.acceptRate()});
        }
        all.sort(Comparator.<double[]>comparingDouble(p -> p[0]).thenComparing(p -> -p[1]));
        List<double[]> frontier = new ArrayList<>();
        double bestAr = Double.NEGATIVE_INFINITY;
        for (double[] p : all) {
            if (p[1] > bestAr) {
                frontier.add(p);
                bestAr = p[1];
            }
        }
        return frontier;
    }

    /** The frontier's accept rate at a budget: interpolated between frontier points, flat after the last. */
    static double envelope(List<double[]> frontier, double cost) {
        double[] first = frontier.get(0);
        if (cost < first[0]) {
            return first[1]; // unreachable when the cheapest model is part of the frontier's input
        }
        for (int i = 1; i < frontier.size(); i++) {
            double[] a = frontier.get(i - 1);
            double[] b = frontier.get(i);
            if (cost <= b[0]) {
                return b[0] == a[0] ? b[1] : a[1] + (b[1] - a[1]) * (cost - a[0]) / (b[0] - a[0]);
            }
        }
        return frontier.get(frontier.size() - 1)[1];
    }
}
