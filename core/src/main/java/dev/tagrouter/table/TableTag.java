package dev.tagrouter.table;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One canonical tag of a routing table: its aliases, how many training prompts carried it, and per model the
 * outcome counts on those prompts (the values a query gets are computed from them when the table is compiled).
 */
public record TableTag(String name, List<String> aliases, int count, Map<String, OutcomeCounts> outcomes) {

    public TableTag {
        Objects.requireNonNull(name, "name");
        aliases = List.copyOf(aliases);
        outcomes = Map.copyOf(outcomes);
        if (count < 0) {
            throw new IllegalArgumentException("tag " + name + ": count must be >= 0, got " + count);
        }
    }
}
