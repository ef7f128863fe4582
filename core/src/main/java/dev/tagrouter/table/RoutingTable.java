package dev.tagrouter.table;

import dev.tagrouter.scoring.ScoringParameters;

import java.util.List;
import java.util.Objects;

/**
 * The routing table: canonical tags with their per-model outcomes, the priced model pool, how those outcomes become
 * a query's per-model values, how the table is meant to be served, and a version with a content checksum. Written by
 * the table builder, read once at start-up.
 *
 * @param format     file format identifier, {@link #FORMAT}
 * @param version    human version label chosen when building
 * @param checksum   "sha256:" + hex digest of the table's canonical JSON without this field
 * @param scoring    how outcomes become per-model values
 * @param decision   decision rule, cross-validated curve and presets
 * @param provenance data and settings the table was built from
 * @param models     the pool, with prices and overall outcomes
 * @param tags       canonical tags seen in training
 */
public record RoutingTable(String format, String version, String checksum, ScoringParameters scoring,
                           DecisionSettings decision, TableProvenance provenance, List<ModelEntry> models,
                           List<TableTag> tags) {

    public static final String FORMAT = "tagrouter-table/2";

    public RoutingTable {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(scoring, "scoring");
        Objects.requireNonNull(decision, "decision");
        models = List.copyOf(models);
        tags = List.copyOf(tags);
    }

    public RoutingTable withChecksum(String newChecksum) {
        return new RoutingTable(format, version, newChecksum, scoring, decision, provenance, models, tags);
    }

    public RoutingTable withVersion(String newVersion) {
        return new RoutingTable(format, newVersion, checksum, scoring, decision, provenance, models, tags);
    }

    public RoutingTable withDecision(DecisionSettings newDecision) {
        return new RoutingTable(format, version, checksum, scoring, newDecision, provenance, models, tags);
    }

    public RoutingTable withScoring(ScoringParameters newScoring) {
        return new RoutingTable(format, version, checksum, newScoring, decision, provenance, models, tags);
    }
}
