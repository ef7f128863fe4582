package dev.tagrouter.tablebuilding;

import dev.tagrouter.scoring.AcceptEstimator;
import dev.tagrouter.scoring.TagCombination;
import dev.tagrouter.table.OutcomeCounts;

import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Chooses the calibrated scoring's prior strength k (empirical Bayes: how many pseudo-outcomes at the model's overall
 * rate each tag's rate starts from) by k-fold cross-validation on the training prompts: the k whose held-out
 * accept-rate estimates have the lowest log-loss over every (prompt, model) outcome. It looks only at how well the
 * estimates predict outcomes, never at routing results, so it cannot be tuned to a curve.
 */
final class PriorStrengthSelector {

    /** The candidates: from trusting a tag after a handful of prompts to nearly ignoring tags. */
    static final double[] GRID = {1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 5000};
    static final int FOLDS = 5;
    static final long SEED = 20_250_612L;

    private final TagCombination combination;

    PriorStrengthSelector(TagCombination combination) {
        this.combination = combination;
    }

    double choose(List<TableBuilder.Example> examples, int models, BuildOptions options) {
        if (examples.size() < FOLDS * 2) {
            return options.scoring().priorStrength(); // too few prompts to cross-validate
        }
        int[] fold = new int[examples.size()];
        int[] order = new Random(SEED).ints(0, Integer.MAX_VALUE).limit(examples.size()).toArray();
        Integer[] idx = new Integer[examples.size()];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        java.util.Arrays.sort(idx, java.util.Comparator.comparingInt(i -> order[i]));
        for (int r = 0; r < idx.length; r++) {
            fold[idx[r]] = r % FOLDS;
        }
        double[] loss = new double[GRID.length];
        for (int f = 0; f < FOLDS; f++) {
            final int held = f;
            List<TableBuilder.Example> train = java.util.stream.IntStream.range(0, examples.size())
                    .filter(i -> fold[i] != held).mapToObj(examples::get).toList();
            TableBuilder.Counts counts = TableBuilder.Counts.of(train, models, options);
            double[] priors = new double[models];
            for (int m = 0; m < models; m++) {
                priors[m] = AcceptEstimator.prior(counts.overall()[m]);
            }
            for (int g = 0; g < GRID.length; g++) {
                AcceptEstimator estimator = new AcceptEstimator(GRID[g], combination);
                for (int i = 0; i < examples.size(); i++) {
                    if (fold[i] == held) {
                        loss[g] += logLoss(examples.get(i), counts.perTag(), priors, estimator);
                    }
                }
            }
        }
        int best = 0;
        for (int g = 1; g < GRID.length; g++) {
            if (loss[g] < loss[best]) {
                best = g;
            }
        }
        return GRID[best];
    }

    private static double logLoss(TableBuilder.Example example, Map<String, OutcomeCounts[]> perTag, double[] priors,
                                  AcceptEstimator estimator) {
        double loss = 0;
        double[] rates = new double[example.tags().size()];
        for (int m = 0; m < priors.length; m++) {
            if (example.outcomes()[m] == null) {
                continue;
            }
            int n = 0;
            for (String tag : example.tags()) {
                OutcomeCounts[] counts = perTag.get(tag);
                if (counts != null) {
                    rates[n++] = estimator.tagRate(counts[m], priors[m]);
                }
            }
            double p = Math.min(1 - 1e-6, Math.max(1e-6, estimator.combine(priors[m], rates, n)));
            loss -= example.outcomes()[m].accepted() ? Math.log(p) : Math.log(1 - p);
        }
        return loss;
    }
}
