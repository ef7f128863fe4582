package dev.tagrouter.evaluation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * Random routing at matched cost (the standard router reference point, RouteLLM section 5 and TagRouter section
 * 4.1): each prompt goes to a model drawn at random, with probabilities chosen so that the expected mean cost equals
 * a target. The best such mix only ever uses two neighbouring vertices of the upper concave hull of the single-model
 * (mean cost, AR) points, so its expected accept rate is that hull, the strongest random router at every cost.
 */
final class RandomBaseline {

    /** A mix of two models: {@code high} with probability {@code p}, else {@code low}. */
    record Mix(int low, int high, double p, double expectedAr, double expectedCost) {
    }

    private final List<OperatingPoint> singles;
    private final List<Integer> hull;

    /** @param singles the point of each single model (by pool position) on the fold */
    RandomBaseline(List<OperatingPoint> singles) {
        this.singles = List.copyOf(singles);
        this.hull = upperHull(this.singles);
    }

    /** Hull vertices as operating points: the expected curve of random routing. */
    List<OperatingPoint> curve() {
        return hull.stream().map(singles::get).toList();
    }

    Mix mixAt(double cost) {
        int first = hull.get(0);
        int last = hull.get(hull.size() - 1);
        if (cost <= singles.get(first).meanCostUsd()) {
            return mix(first, first, 0);
        }
        if (cost >= singles.get(last).meanCostUsd()) {
            return mix(last, last, 0);
        }
        for (int i = 1; i < hull.size(); i++) {
            OperatingPoint a = singles.get(hull.get(i - 1));
            OperatingPoint b = singles.get(hull.get(i));
            if (cost <= b.meanCostUsd()) {
                double p = (cost - a.meanCostUsd()) / (b.meanCostUsd() - a.meanCostUsd());
                return mix(hull.get(i - 1), hull.get(i), p);
            }
        }
        return mix(last, last, 0);
    }

    /** One seeded draw of the mix over the prompts: the accept rate and cost it actually got. */
    OperatingPoint draw(PoolData data, int[] prompts, Mix mix, Random random) {
        int[] chosen = new int[prompts.length];
        for (int i = 0; i < prompts.length; i++) {
            chosen[i] = random.nextDouble() < mix.p() ? mix.high() : mix.low();
        }
        return OperatingPoint.of(data, prompts, chosen, Double.NaN);
    }

    private Mix mix(int low, int high, double p) {
        OperatingPoint a = singles.get(low);
        OperatingPoint b = singles.get(high);
        return new Mix(low, high, p, (1 - p) * a.acceptRate() + p * b.acceptRate(),
                (1 - p) * a.meanCostUsd() + p * b.meanCostUsd());
    }

    /** Upper concave hull from the cheapest point up to the most accepted one, as positions into {@code points}. */
    static List<Integer> upperHull(List<OperatingPoint> points) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.<Integer>comparingDouble(i -> points.get(i).meanCostUsd())
                .thenComparingDouble(i -> -points.get(i).acceptRate()));
        List<Integer> hull = new ArrayList<>();
        for (int i : order) {
            OperatingPoint c = points.get(i);
            if (!hull.isEmpty() && c.meanCostUsd() == points.get(hull.get(hull.size() - 1)).meanCostUsd()) {
                continue; // same cost, lower or equal AR: dominated
            }
            while (hull.size() >= 2) {
                OperatingPoint a = points.get(hull.get(hull.size() - 2));
                OperatingPoint b = points.get(hull.get(hull.size() - 1));
                double cross = (b.meanCostUsd() - a.meanCostUsd()) * (c.acceptRate() - a.acceptRate())
                        - (b.acceptRate() - a.acceptRate()) * (c.meanCostUsd() - a.meanCostUsd());
                if (cross >= 0) {
                    hull.remove(hull.size() - 1); // b lies on or below the segment a-c
                } else {
                    break;
                }
            }
            hull.add(i);
        }
        // Beyond the most accepted vertex, spending more only lowers the accept rate.
        int best = 0;
        for (int i = 1; i < hull.size(); i++) {
            if (points.get(hull.get(i)).acceptRate() > points.get(hull.get(best)).acceptRate()) {
                best = i;
            }
        }
        return List.copyOf(hull.subList(0, best + 1));
    }
}
