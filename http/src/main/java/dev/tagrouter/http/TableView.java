package dev.tagrouter.http;

import dev.tagrouter.scoring.ScoringParameters;
import dev.tagrouter.table.DecisionSettings;
import dev.tagrouter.table.ModelEntry;
import dev.tagrouter.table.RoutingTable;
import dev.tagrouter.table.TableProvenance;

import java.util.List;

/**
 * The routing table as described by {@code GET /v1/table}: identity, size, how its outcomes become accept-rate
 * estimates ({@code scoring}), how it is served ({@code decision}: the rule, the default preset, the presets with the
 * held-out accept rate and cost share each promised, and the cross-validated curve), and how it was built.
 */
public record TableView(String format, String version, String checksum, int tagCount, int modelCount,
                        List<String> models, ScoringParameters scoring, DecisionSettings decision,
                        TableProvenance provenance) {

    static TableView of(RoutingTable t) {
        return new TableView(t.format(), t.version(), t.checksum(), t.tags().size(), t.models().size(),
                t.models().stream().map(ModelEntry::name).toList(), t.scoring(), t.decision(), t.provenance());
    }
}
