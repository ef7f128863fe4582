package dev.tagrouter.evaluation;

import java.util.List;
import java.util.Random;

/**
 * Random routing at the cost of one TagRouter operating point, fold by fold: the expected accept rate of the best
 * random mix with that mean cost, and the accept rate of one seeded draw of that mix on the fold's held-out prompts.
 */
final class MatchedRandom {

    /** Fold-averaged expected and realised accept rates, and the realised mean cost. */
    record Result(double expectedAr, double realisedAr, double realisedCost) {
    }

    private MatchedRandom() {
    }

    static Result at(PoolResult result, int gridPosition, long seed) {
        List<MethodCurves> singles = result.methods().stream()
                .filter(m -> m.kind() == MethodCurves.Kind.SINGLE).toList();
        int k = result.folds().size();
        double expected = 0;
        double realised = 0;
        double cost = 0;
        for (int f = 0; f < k; f++) {
            OperatingPoint[] foldSingles = new OperatingPoint[result.data().modelCount()];
            for (MethodCurves s : singles) {
                foldSingles[result.data().modelIndex(s.name())] = s.folds().get(f).get(0);
            }
            RandomBaseline random = new RandomBaseline(List.of(foldSingles));
            double target = result.tagRouter().folds().get(f).get(gridPosition).meanCostUsd();
            RandomBaseline.Mix mix = random.mixAt(target);
            // One stream per (fold, point), so a report's numbers do not depend on which other points it shows.
            OperatingPoint draw = random.draw(result.data(), result.folds().get(f).test(), mix,
                    new Random(seed * 1_000_003L + f * 10_007L + gridPosition));
            expected += mix.expectedAr();
            realised += draw.acceptRate();
            cost += draw.meanCostUsd();
        }
        return new Result(expected / k, realised / k, cost / k);
    }
}
