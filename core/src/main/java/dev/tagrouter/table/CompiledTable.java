package dev.tagrouter.table;

import dev.tagrouter.scoring.TagScorer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A routing table indexed for the hot path: tag and model names to positions, scores in a dense matrix. */
public final class CompiledTable {

    private final RoutingTable table;
    private final Map<String, Integer> tagIndex;
    private final Map<String, Integer> modelIndex;
    private final double[][] scores;
    private final double[] priorScores;

    private CompiledTable(RoutingTable table) {
        this.table = table;
        List<ModelEntry> models = table.models();
        modelIndex = new HashMap<>();
        for (int m = 0; m < models.size(); m++) {
            modelIndex.put(models.get(m).name(), m);
        }
        tagIndex = new HashMap<>();
        scores = new double[table.tags().size()][models.size()];
        for (int t = 0; t < table.tags().size(); t++) {
            TableTag tag = table.tags().get(t);
            tagIndex.put(tag.name(), t);
            for (Map.Entry<String, Double> e : tag.scores().entrySet()) {
                scores[t][modelIndex.get(e.getKey())] = e.getValue();
            }
        }
        TagScorer scorer = new TagScorer(table.scoring());
        int prompts = table.provenance() == null ? 0 : table.provenance().prompts();
        priorScores = new double[models.size()];
        for (int m = 0; m < models.size(); m++) {
            priorScores[m] = scorer.score(models.get(m).overall(), Math.max(prompts, models.get(m).overall().total()));
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

    public double score(int tag, int model) {
        return scores[tag][model];
    }

    /** The model's score over all training prompts, used to rank models when no tag is known. */
    public double priorScore(int model) {
        return priorScores[model];
    }
}
