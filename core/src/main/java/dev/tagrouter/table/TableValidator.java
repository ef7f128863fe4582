package dev.tagrouter.table;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** Checks that a routing table is internally consistent before anything is routed with it. */
final class TableValidator {

    void validate(RoutingTable table, String origin) {
        String where = "routing table " + origin + ": ";
        if (!RoutingTable.FORMAT.equals(table.format())) {
            throw new InvalidTableException(where + "format is '" + table.format() + "', expected '"
                    + RoutingTable.FORMAT + "'; rebuild it with ./tagrouter build-table");
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
            }
        }
    }
}
