package dev.tagrouter.evaluation;

import dev.tagrouter.tablebuilding.DatasetException;
import dev.tagrouter.tablebuilding.Judgment;
import dev.tagrouter.tablebuilding.ModelPrice;
import dev.tagrouter.tablebuilding.PreferenceDataset;
import dev.tagrouter.tablebuilding.Prompt;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Train on one dataset, test on another: the two are merged into one dataset (the test set's prices win), and each
 * pool gets a single fold whose training prompts are the first dataset's and whose held-out prompts are the second's,
 * so the table builder, the policy and every baseline run exactly as in cross-validation.
 */
public record Transfer(PreferenceDataset train, PreferenceDataset test, PreferenceDataset merged) {

    public static Transfer of(PreferenceDataset train, PreferenceDataset test) {
        Set<String> trainIds = new HashSet<>();
        train.prompts().forEach(p -> trainIds.add(p.id()));
        List<Prompt> prompts = new ArrayList<>(train.prompts());
        for (Prompt p : test.prompts()) {
            if (trainIds.contains(p.id())) {
                throw new DatasetException("prompt id '" + p.id() + "' is in both " + train.name() + " and "
                        + test.name() + "; transfer needs distinct ids");
            }
            prompts.add(p);
        }
        Map<String, Map<String, Judgment>> judgments = new HashMap<>(train.judgments());
        judgments.putAll(test.judgments());
        Map<String, ModelPrice> prices = new LinkedHashMap<>(train.prices());
        prices.putAll(test.prices());
        return new Transfer(train, test, new PreferenceDataset(train.name() + "->" + test.name(), prompts, judgments,
                prices));
    }

    /** Priced models judged in both datasets, in the test set's order. */
    public List<String> sharedModels() {
        Set<String> inTrain = train.judgedModels();
        return test.judgedModels().stream().filter(inTrain::contains).filter(merged.prices()::containsKey).sorted()
                .toList();
    }

    /** The pool's one fold: train = the first dataset's prompts, test = the second's. */
    public Fold fold(PoolData data) {
        Set<String> trainIds = new HashSet<>();
        train.prompts().forEach(p -> trainIds.add(p.id()));
        int[] trainPositions = IntStream.range(0, data.size())
                .filter(i -> trainIds.contains(data.prompts().get(i).id())).toArray();
        int[] testPositions = IntStream.range(0, data.size())
                .filter(i -> !trainIds.contains(data.prompts().get(i).id())).toArray();
        if (trainPositions.length == 0 || testPositions.length == 0) {
            throw new DatasetException("pool " + data.pool().name() + " has no judged prompts in "
                    + (trainPositions.length == 0 ? train.name() : test.name()));
        }
        return new Fold(0, trainPositions, testPositions);
    }
}
