package dev.tagrouter.http;

import dev.tagrouter.table.ModelEntry;
import dev.tagrouter.table.RoutingTable;
import dev.tagrouter.scoring.ScoringParameters;
import dev.tagrouter.table.TableProvenance;

import java.util.List;

/** The routing table as described by {@code GET /v1/table}: identity, size and how it was built. */
public record TableView(String format, String version, String checksum, int tagCount, int modelCount,
                        List<String> models, String defaultModel, ScoringParameters scoring,
                        TableProvenance provenance) {

    static TableView of(RoutingTable t) {
        return new TableView(t.format(), t.version(), t.checksum(), t.tags().size(), t.models().size(),
                t.models().stream().map(ModelEntry::name).toList(), t.defaultModel(), t.scoring(), t.provenance());
    }
}
