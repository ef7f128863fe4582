package dev.tagrouter.table;

import dev.tagrouter.scoring.AcceptEstimator;
import dev.tagrouter.scoring.ScoringMethod;
import dev.tagrouter.scoring.TagScorer;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A routing table indexed for the hot path: tag and model names to positions, and per (tag, model) the value the
 * table's scoring method derives from the counts (a shrunk accept rate, or the paper's tag score) in a dense matrix.
 * {@link #scores} is the one place where a query's known tags become per-model values.
 */
public final class CompiledTable {

    private final RoutingTable table;
    private final Map<String, Integer> tagIndex;
    private final Map<String, Integer> modelIndex;
    private final double[][] tagValues;
    private final double[] priors;
    private final AcceptEstimator estimator;
    private final boolean paperSum;

    private CompiledTable(RoutingTable table) {
        this.table = table;
        List<ModelEntry> models = table.models();
        paperSum = table.scoring().method() == ScoringMethod.PAPER_SUM;
        estimator = new AcceptEstimator(table.scoring().priorStrength(), table.scoring().combination());
        TagScorer scorer = new TagScorer(table.scoring());
        modelIndex = new HashMap<>();
        priors = new double[models.size()];
        int prompts = table.provenance() == null ? 0 : table.provenance().prompts();
        for (int m = 0; m < models.size(); m++) {
            ModelEntry model = models.get(m);
            modelIndex.put(model.name(), m);
            priors[m] = paperSum ? scorer.score(model.overall(), Math.max(prompts, model.overall().total()))
                    : AcceptEstimator.prior(model.overall());
        }
        tagIndex = new HashMap<>();
        tagValues = new double[table.tags().size()][models.size()];
        for (int t = 0; t < table.tags().size(); t++) {
            TableTag tag = table.tags().get(t);
            tagIndex.put(tag.name(), t);
            for (int m = 0; m < models.size(); m++) {
                OutcomeCounts counts = tag.outcomes().getOrDefault(models.get(m).name(), OutcomeCounts.ZERO);
                tagValues[t][m] = paperSum ? scorer.score(counts, tag.count()) : estimator.tagRate(counts, priors[m]);
                requireFinite(tagValues[t][m], "tag '" + tag.name() + "', model '" + models.get(m).name() + "'");
            }
        }
        for (int m = 0; m < models.size(); m++) {
            requireFinite(priors[m], "model '" + models.get(m).name() + "' without a known tag");
        }
    }

    // The decision rules compare these values; one NaN (a prior strength of 0 over a tag a model never saw) makes
    // every comparison false and the table unable to route, so it is refused when loaded, not at the first request.
    private void requireFinite(double value, String where) {
        if (!Double.isFinite(value)) {
            throw new InvalidTableException("routing table " + table.version() + " cannot route: its scoring ("
                    + table.scoring().method() + ", prior strength " + table.scoring().priorStrength() + ") gives "
                    + value + " for " + where);
        }
    }

    public static CompiledTable of(RoutingTable table) {
        return new CompiledTable(table);
    }

    public RoutingTable table() {
        return table;
    }

    /** Position of the tag, or -1 when the table does not know it. */
    public int tagIndex(String tag) {
        Integer i = tagIndex.get(tag);
        return i == null ? -1 : i;
    }

    /** Position of the model, or -1 when it is not in the pool. */
    public int modelIndex(String model) {
        Integer i = modelIndex.get(model);
        return i == null ? -1 : i;
    }

    public int modelCount() {
        return table.models().size();
    }

    public ModelEntry model(int index) {
        return table.models().get(index);
    }

    /** The model's value without any known tag: its overall accept rate, or the paper's score over all prompts. */
    public double prior(int model) {
        return priors[model];
    }

    /**
     * The query's value for a model given the positions of its known tags: the calibrated accept-rate estimate, or
     * with a paper-sum table the summed tag scores (the prior when no tag is known, so one rule serves both cases).
     */
    public double score(int model, int[] knownTags) {
        return score(model, knownTags, null);
    }

    /**
     * The query's value with each known tag counted at its weight: the paper's sum becomes {@code sum w_t *
     * score(M, t)}, the calibrated estimate a weighted combination. Null weights (every weight 1) give exactly
     * {@link #score(int, int[])}.
     *
     * @param weights each known tag's weight in (0, 1], in the order of {@code knownTags}; null means all 1
     */
    public double score(int model, int[] knownTags, double[] weights) {
        int n = knownTags.length;
        if (n == 0) {
            return priors[model];
        }
        if (paperSum) {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += (weights == null ? 1 : weights[i]) * tagValues[knownTags[i]][model];
            }
            return sum;
        }
        double[] rates = new double[n];
        for (int i = 0; i < n; i++) {
            rates[i] = tagValues[knownTags[i]][model];
        }
        return estimator.combine(priors[model], rates, weights, n);
    }

    /** Positions of the known tags among these tag names, in order, each once. */
    public int[] knownTags(List<String> tags) {
        int[] known = new int[tags.size()];
        int n = 0;
        for (String tag : tags) {
            int t = tagIndex(tag);
            if (t >= 0 && !contains(known, n, t)) {
                known[n++] = t;
            }
        }
        return java.util.Arrays.copyOf(known, n);
    }

    private static boolean contains(int[] values, int n, int value) {
        for (int i = 0; i < n; i++) {
            if (values[i] == value) {
                return true;
            }
        }
        return false;
    }
}
