package dev.tagrouter.table;

import dev.tagrouter.scoring.TagScorer;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** Checks that a routing table is internally consistent before anything is routed with it. */
final class TableValidator {

    private static final double SCORE_TOLERANCE = 1e-9;

    void validate(RoutingTable table, String origin) {
        String where = "routing table " + origin + ": ";
        if (!RoutingTable.FORMAT.equals(table.format())) {
            throw new InvalidTableException(where + "format is '" + table.format() + "', expected '"
                    + RoutingTable.FORMAT + "'");
        }
        if (table.models().isEmpty()) {
            throw new InvalidTableException(where + "the model pool is empty");
        }
        Set<String> models = new HashSet<>();
        for (ModelEntry model : table.models()) {
            if (!models.add(model.name())) {
                throw new InvalidTableException(where + "model '" + model.name() + "' appears twice");
            }
        }
        if (!models.contains(table.defaultModel())) {
            throw new InvalidTableException(where + "defaultModel '" + table.defaultModel() + "' is not in the pool");
        }
        TagScorer scorer = new TagScorer(table.scoring());
        Set<String> tags = new HashSet<>();
        for (TableTag tag : table.tags()) {
            if (!tags.add(tag.name())) {
                throw new InvalidTableException(where + "tag '" + tag.name() + "' appears twice");
            }
            for (Map.Entry<String, OutcomeCounts> e : tag.outcomes().entrySet()) {
                if (!models.contains(e.getKey())) {
                    throw new InvalidTableException(where + "tag '" + tag.name() + "' has outcomes for unknown model '"
                            + e.getKey() + "'");
                }
                if (e.getValue().total() > tag.count()) {
                    throw new InvalidTableException(where + "tag '" + tag.name() + "', model '" + e.getKey()
                            + "': " + e.getValue().total() + " outcomes but the tag was seen only " + tag.count()
                            + " times");
                }
                Double stored = tag.scores().get(e.getKey());
                double expected = scorer.score(e.getValue(), tag.count());
                if (stored == null || Math.abs(stored - expected) > SCORE_TOLERANCE * Math.max(1, Math.abs(expected))) {
                    throw new InvalidTableException(where + "tag '" + tag.name() + "', model '" + e.getKey()
                            + "': stored score " + stored + " does not match " + expected
                            + " computed from its counts and the table's scoring parameters");
                }
            }
            if (!tag.scores().keySet().equals(tag.outcomes().keySet())) {
                throw new InvalidTableException(where + "tag '" + tag.name() + "' has scores and outcomes for"
                        + " different models");
            }
        }
    }
}
