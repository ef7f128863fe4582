package dev.tagrouter.table;

import dev.tagrouter.precomputed.PartFile;
import dev.tagrouter.precomputed.PartReader;
import dev.tagrouter.precomputed.PartWriter;
import dev.tagrouter.scoring.ScoreNormalization;
import dev.tagrouter.scoring.ScoringMethod;
import dev.tagrouter.scoring.ScoringParameters;
import dev.tagrouter.scoring.TagCombination;
import dev.tagrouter.scoring.TagWeighting;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The bundled routing table in the form the build precomputes from its JSON file: the same record values written
 * with {@link PartWriter} (doubles as their exact bits), so that start-up reads them back without a JSON parser, a
 * checksum over the text or the validation the JSON reader already did at build time.
 *
 * <p>Only the build writes this form, from a table {@link RoutingTableCodec} has read, checked and validated; a
 * table a user supplies is always read from its JSON file.
 */
public final class PrecomputedTableCodec {

    static final PartFile FILE = new PartFile("TRTABL01", "precomputed routing table");

    /** Writes a table that {@link RoutingTableCodec#read} returned. */
    public void write(RoutingTable table, OutputStream out) throws IOException {
        FILE.write(out, data -> {
            data.writeString(table.format());
            data.writeString(table.version());
            data.writeNullable(table.checksum());
            writeScoring(data, table.scoring());
            writeDecision(data, table.decision());
            writeProvenance(data, table.provenance());
            List<ModelEntry> models = table.models();
            data.writeInt(models.size());
            for (ModelEntry model : models) {
                data.writeString(model.name());
                data.writeDouble(model.inputUsdPerMTok());
                data.writeDouble(model.outputUsdPerMTok());
                data.writeInt(model.expectedOutputTokens());
                writeCounts(data, model.overall());
            }
            data.writeInt(table.tags().size());
            for (TableTag tag : table.tags()) {
                data.writeString(tag.name());
                data.writeStrings(tag.aliases());
                data.writeInt(tag.count());
                List<ModelEntry> seen = models.stream().filter(m -> tag.outcomes().containsKey(m.name())).toList();
                if (seen.size() != tag.outcomes().size()) {
                    throw new IllegalArgumentException("tag '" + tag.name() + "' has outcomes for a model not in the"
                            + " pool: only a validated table is precomputed");
                }
                data.writeInt(seen.size());
                for (ModelEntry model : seen) { // pool order: the same bytes on every build
                    data.writeString(model.name());
                    writeCounts(data, tag.outcomes().get(model.name()));
                }
            }
        });
    }

    /**
     * Reads the form {@link #write} produced.
     *
     * @throws InvalidTableException naming the origin when the file is cut short, of another kind or layout, changed
     *                               after the build, or holds values a table cannot have
     */
    public RoutingTable read(byte[] file, String origin) {
        try {
            return FILE.read(file, origin, PrecomputedTableCodec::readTable);
        } catch (IOException e) {
            throw new InvalidTableException(e.getMessage(), e);
        }
    }

    private static RoutingTable readTable(PartReader data) throws IOException {
        String format = data.readString();
        String version = data.readString();
        String checksum = data.readNullable();
        ScoringParameters scoring = readScoring(data);
        DecisionSettings decision = readDecision(data);
        TableProvenance provenance = readProvenance(data);
        int modelCount = data.count(1);
        List<ModelEntry> models = new ArrayList<>(modelCount);
        for (int i = 0; i < modelCount; i++) {
            models.add(new ModelEntry(data.readString(), data.readDouble(), data.readDouble(), data.readInt(),
                    readCounts(data)));
        }
        int tagCount = data.count(1);
        List<TableTag> tags = new ArrayList<>(tagCount);
        for (int i = 0; i < tagCount; i++) {
            String name = data.readString();
            List<String> aliases = data.readStrings();
            int count = data.readInt();
            int outcomeCount = data.count(1);
            Map<String, OutcomeCounts> outcomes = new LinkedHashMap<>();
            for (int j = 0; j < outcomeCount; j++) {
                outcomes.put(data.readString(), readCounts(data));
            }
            tags.add(new TableTag(name, aliases, count, outcomes));
        }
        return new RoutingTable(format, version, checksum, scoring, decision, provenance, models, tags);
    }

    private static void writeScoring(PartWriter data, ScoringParameters s) throws IOException {
        data.writeString(s.method().name());
        data.writeDouble(s.priorStrength());
        data.writeString(s.combination().name());
        data.writeDouble(s.sWin());
        data.writeDouble(s.sTie());
        data.writeDouble(s.sLoss());
        data.writeString(s.normalization().name());
        data.writeString(s.weighting().name());
        data.writeDouble(s.weightScale());
    }

    private static ScoringParameters readScoring(PartReader data) throws IOException {
        return new ScoringParameters(ScoringMethod.valueOf(data.readString()), data.readDouble(),
                TagCombination.valueOf(data.readString()), data.readDouble(), data.readDouble(), data.readDouble(),
                ScoreNormalization.valueOf(data.readString()), TagWeighting.valueOf(data.readString()), data.readDouble());
    }

    private static void writeDecision(PartWriter data, DecisionSettings d) throws IOException {
        data.writeString(d.rule().name());
        data.writeDouble(d.costScaleUsd());
        data.writeNullable(d.defaultPreset());
        data.writeInt(d.presets().size());
        for (Preset p : d.presets()) {
            data.writeString(p.name());
            data.writeDouble(p.costPreference());
            data.writeDouble(p.acceptRate());
            data.writeDouble(p.costShare());
            data.writeString(p.promise());
        }
        data.writeInt(d.curve().size());
        for (CurvePoint c : d.curve()) {
            data.writeDouble(c.costPreference());
            data.writeDouble(c.acceptRate());
            data.writeDouble(c.costShare());
        }
        data.writeInt(d.curveFolds());
    }

    private static DecisionSettings readDecision(PartReader data) throws IOException {
        DecisionRuleName rule = DecisionRuleName.valueOf(data.readString());
        double costScale = data.readDouble();
        String defaultPreset = data.readNullable();
        int presetCount = data.count(1);
        List<Preset> presets = new ArrayList<>(presetCount);
        for (int i = 0; i < presetCount; i++) {
            presets.add(new Preset(data.readString(), data.readDouble(), data.readDouble(), data.readDouble(),
                    data.readString()));
        }
        int pointCount = data.count(1);
        List<CurvePoint> curve = new ArrayList<>(pointCount);
        for (int i = 0; i < pointCount; i++) {
            curve.add(new CurvePoint(data.readDouble(), data.readDouble(), data.readDouble()));
        }
        return new DecisionSettings(rule, costScale, defaultPreset, presets, curve, data.readInt());
    }

    private static void writeProvenance(PartWriter data, TableProvenance p) throws IOException {
        data.writeBoolean(p != null);
        if (p != null) {
            data.writeNullable(p.dataset());
            data.writeInt(p.prompts());
            data.writeNullable(p.outcomeMapping());
            data.writeNullable(p.referenceModel());
            data.writeNullable(p.tagger());
        }
    }

    private static TableProvenance readProvenance(PartReader data) throws IOException {
        if (!data.readBoolean()) {
            return null;
        }
        return new TableProvenance(data.readNullable(), data.readInt(), data.readNullable(),
                data.readNullable(), data.readNullable());
    }

    private static void writeCounts(PartWriter data, OutcomeCounts counts) throws IOException {
        data.writeInt(counts.wins());
        data.writeInt(counts.ties());
        data.writeInt(counts.losses());
    }

    private static OutcomeCounts readCounts(PartReader data) throws IOException {
        return new OutcomeCounts(data.readInt(), data.readInt(), data.readInt());
    }
}
