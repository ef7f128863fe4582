package dev.tagrouter.tablebuilding;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A preference dataset in memory: prompts, per (prompt, model) judgments, and model prices.
 *
 * @param name      the dataset's name (its directory name)
 * @param prompts   prompts in file order
 * @param judgments prompt id to model to judgment
 * @param prices    model to prices; models without a price cannot join a cost-aware pool
 */
public record PreferenceDataset(String name, List<Prompt> prompts, Map<String, Map<String, Judgment>> judgments,
                                Map<String, ModelPrice> prices) {

    public PreferenceDataset {
        prompts = List.copyOf(prompts);
        judgments = Map.copyOf(judgments);
        prices = Map.copyOf(prices);
    }

    /** The same dataset restricted to the given prompt ids (e.g. the training part of a fold). */
    public PreferenceDataset subset(Set<String> promptIds) {
        Map<String, Map<String, Judgment>> kept = new LinkedHashMap<>();
        for (String id : promptIds) {
            Map<String, Judgment> j = judgments.get(id);
            if (j != null) {
                kept.put(id, j);
            }
        }
        return new PreferenceDataset(name, prompts.stream().filter(p -> promptIds.contains(p.id())).toList(), kept,
                prices);
    }

    /** Every model that has at least one judgment. */
    public Set<String> judgedModels() {
        java.util.TreeSet<String> models = new java.util.TreeSet<>();
        judgments.values().stream().map(Map::keySet).forEach(models::addAll);
        return models;
    }

    /** The judgments of a model over the given prompts, skipping prompts it was not judged on. */
    public List<Judgment> judgmentsOf(String model, Collection<Prompt> over) {
        return over.stream()
                .map(p -> judgments.getOrDefault(p.id(), Map.of()).get(model))
                .filter(java.util.Objects::nonNull)
                .toList();
    }
}
