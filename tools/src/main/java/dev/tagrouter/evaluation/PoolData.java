package dev.tagrouter.evaluation;

import dev.tagrouter.table.Outcome;
import dev.tagrouter.tablebuilding.DatasetException;
import dev.tagrouter.tablebuilding.Judgment;
import dev.tagrouter.tablebuilding.ModelPrice;
import dev.tagrouter.tablebuilding.OutcomeMapping;
import dev.tagrouter.tablebuilding.PreferenceDataset;
import dev.tagrouter.tablebuilding.Prompt;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One pool's ground truth over the prompts where every pool model has an outcome: whether each model's answer was
 * accepted (win or tie) and what calling it really cost. Prompts are addressed by their position.
 *
 * @param pool    the pool
 * @param prompts the evaluated prompts
 * @param outcomes outcome of model m on prompt p, {@code outcomes[p][m]}
 * @param costUsd  real cost of model m on prompt p
 * @param inputTokens tokens of each prompt, for the routers' own cost estimates
 * @param skipped  prompts left out because a pool model has no outcome on them
 */
public record PoolData(PoolSpec pool, List<Prompt> prompts, Outcome[][] outcomes, double[][] costUsd,
                       int[] inputTokens, int skipped) {

    public static PoolData of(PreferenceDataset data, PoolSpec pool, OutcomeMapping mapping, CostModel costs) {
        List<String> models = pool.models();
        ModelPrice[] prices = new ModelPrice[models.size()];
        for (int m = 0; m < models.size(); m++) {
            prices[m] = data.prices().get(models.get(m));
            if (prices[m] == null) {
                throw new DatasetException("model '" + models.get(m) + "' of pool " + pool.name()
                        + " has no price in models.csv");
            }
        }
        List<Prompt> kept = new ArrayList<>();
        List<Outcome[]> outcomes = new ArrayList<>();
        List<double[]> cost = new ArrayList<>();
        List<Integer> tokens = new ArrayList<>();
        int skipped = 0;
        for (Prompt prompt : data.prompts()) {
            Map<String, Judgment> judged = data.judgments().getOrDefault(prompt.id(), Map.of());
            Outcome[] o = new Outcome[models.size()];
            double[] c = new double[models.size()];
            boolean complete = true;
            int inputTokens = -1;
            for (int m = 0; m < models.size() && complete; m++) {
                Judgment j = judged.get(models.get(m));
                o[m] = j == null ? null : mapping.outcome(j, judged).orElse(null);
                if (o[m] == null) {
                    complete = false;
                    break;
                }
                if (inputTokens < 0) {
                    inputTokens = costs.inputTokens(prompt.text());
                }
                c[m] = costs.usd(prices[m], inputTokens, j.outputChars());
            }
            if (!complete) {
                skipped++;
                continue;
            }
            kept.add(prompt);
            tokens.add(inputTokens);
            outcomes.add(o);
            cost.add(c);
        }
        if (kept.isEmpty()) {
            throw new DatasetException("no prompt of " + data.name() + " has an outcome for every model of pool "
                    + pool.name() + " " + models);
        }
        return new PoolData(pool, List.copyOf(kept), outcomes.toArray(new Outcome[0][]),
                cost.toArray(new double[0][]), tokens.stream().mapToInt(Integer::intValue).toArray(), skipped);
    }

    /**
     * Warnings about the pool: a model that ties on every prompt is almost surely the dataset's reference model (it
     * was judged against itself), so its accept rate is 100% by construction and it wins every comparison.
     */
    public List<String> warnings() {
        List<String> out = new ArrayList<>();
        for (int m = 0; m < modelCount(); m++) {
            boolean allTies = true;
            for (Outcome[] o : outcomes) {
                allTies &= o[m] == Outcome.TIE;
            }
            if (allTies) {
                out.add("model '" + pool.models().get(m) + "' of pool " + pool.name() + " ties on every prompt: it is"
                        + " probably the dataset's reference model, accepted by construction");
            }
        }
        return out;
    }

    public int size() {
        return prompts.size();
    }

    public int modelCount() {
        return pool.models().size();
    }

    public boolean accepted(int prompt, int model) {
        return outcomes[prompt][model].accepted();
    }

    public int modelIndex(String model) {
        return pool.models().indexOf(model);
    }

    public double cost(int prompt, int model) {
        return costUsd[prompt][model];
    }
}
