package dev.tagrouter.table;

import dev.tagrouter.scoring.ScoringParameters;
import java.util.List;
import java.util.Objects;

/**
 * The routing table: canonical tags with their per-model outcomes and scores, the priced model pool, the scoring
 * parameters that produced the scores, and a version with a content checksum. Written by the table builder, read
 * once at start-up.
 *
 * @param format       file format identifier, {@link #FORMAT}
 * @param version      human version label chosen when building
 * @param checksum     "sha256:" + hex digest of the table's canonical JSON without this field
 * @param scoring      TagScorer parameters used for {@code tags[].scores}
 * @param defaultModel model used when a query carries no known tag
 * @param provenance   data and settings the table was built from
 * @param models       the pool, with prices
 * @param tags         canonical tags seen in training
 */
public record RoutingTable(String format, String version, String checksum, ScoringParameters scoring,
                           String defaultModel, TableProvenance provenance, List<ModelEntry> models,
                           List<TableTag> tags) {

    public static final String FORMAT = "tagrouter-table/1";

    public RoutingTable {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(scoring, "scoring");
        Objects.requireNonNull(defaultModel, "defaultModel");
        models = List.copyOf(models);
        tags = List.copyOf(tags);
    }

    public RoutingTable withChecksum(String newChecksum) {
        return new RoutingTable(format, version, newChecksum, scoring, defaultModel, provenance, models, tags);
    }

    public RoutingTable withVersion(String newVersion) {
        return new RoutingTable(format, newVersion, checksum, scoring, defaultModel, provenance, models, tags);
    }
}
