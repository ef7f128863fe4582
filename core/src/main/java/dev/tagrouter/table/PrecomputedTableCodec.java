package dev.tagrouter.table;

import dev.tagrouter.precomputed.PartFile;
import dev.tagrouter.scoring.ScoreNormalization;
import dev.tagrouter.scoring.ScoringMethod;
import dev.tagrouter.scoring.ScoringParameters;
import dev.tagrouter.scoring.TagCombination;
import dev.tagrouter.scoring.TagWeighting;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The bundled routing table in the form the build precomputes from its JSON file: the same record values written
 * with {@link DataOutputStream} (doubles as their exact bits), so that start-up reads them back without a JSON
 * parser, a checksum over the text or the validation the JSON reader already did at build time.
 *
 * <p>Only the build writes this form, from a table {@link RoutingTableCodec} has read, checked and validated; a
 * table a user supplies is always read from its JSON file.
 */
public final class PrecomputedTableCodec {

    static final PartFile FILE = new PartFile("TRTABL01", "precomputed routing table");

    /** Writes a table that {@link RoutingTableCodec#read} returned. */
    public void write(RoutingTable table, OutputStream out) throws IOException {
        FILE.write(out, data -> {
            data.writeUTF(table.format());
            data.writeUTF(table.version());
            PartFile.writeNullable(data, table.checksum());
            writeScoring(data, table.scoring());
            writeDecision(data, table.decision());
            writeProvenance(data, table.provenance());
            List<ModelEntry> models = table.models();
            data.writeInt(models.size());
            for (ModelEntry model : models) {
                data.writeUTF(model.name());
                data.writeDouble(model.inputUsdPerMTok());
                data.writeDouble(model.outputUsdPerMTok());
                data.writeInt(model.expectedOutputTokens());
                writeCounts(data, model.overall());
            }
            data.writeInt(table.tags().size());
            for (TableTag tag : table.tags()) {
                data.writeUTF(tag.name());
                PartFile.writeStrings(data, tag.aliases());
                data.writeInt(tag.count());
                List<ModelEntry> seen = models.stream().filter(m -> tag.outcomes().containsKey(m.name())).toList();
                if (seen.size() != tag.outcomes().size()) {
                    throw new IllegalArgumentException("tag '" + tag.name() + "' has outcomes for a model not in the"
                            + " pool: only a validated table is precomputed");
                }
                data.writeInt(seen.size());
                for (ModelEntry model : seen) { // pool order: the same bytes on every build
                    data.writeUTF(model.name());
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
            DataInputStream data = FILE.open(file, origin);
            RoutingTable table;
            try {
                table = readTable(data);
            } catch (IOException | RuntimeException e) {
                throw FILE.corrupt(origin, e);
            }
            FILE.requireEnd(data, origin);
            return table;
        } catch (IOException e) {
            throw new InvalidTableException(e.getMessage(), e);
        }
    }

    private static RoutingTable readTable(DataInputStream data) throws IOException {
        String format = data.readUTF();
        String version = data.readUTF();
        String checksum = PartFile.readNullable(data);
        ScoringParameters scoring = readScoring(data);
        DecisionSettings decision = readDecision(data);
        TableProvenance provenance = readProvenance(data);
        int modelCount = PartFile.count(data);
        List<ModelEntry> models = new ArrayList<>(modelCount);
        for (int i = 0; i < modelCount; i++) {
            models.add(new ModelEntry(data.readUTF(), data.readDouble(), data.readDouble(), data.readInt(),
                    readCounts(data)));
        }
        int tagCount = PartFile.count(data);
        List<TableTag> tags = new ArrayList<>(tagCount);
        for (int i = 0; i < tagCount; i++) {
            String name = data.readUTF();
            List<String> aliases = PartFile.readStrings(data);
            int count = data.readInt();
            int outcomeCount = PartFile.count(data);
            Map<String, OutcomeCounts> outcomes = new LinkedHashMap<>();
            for (int j = 0; j < outcomeCount; j++) {
                outcomes.put(data.readUTF(), readCounts(data));
            }
            tags.add(new TableTag(name, aliases, count, outcomes));
        }
        return new RoutingTable(format, version, checksum, scoring, decision, provenance, models, tags);
    }

    private static void writeScoring(DataOutputStream data, ScoringParameters s) throws IOException {
        data.writeUTF(s.method().name());
        data.writeDouble(s.priorStrength());
        data.writeUTF(s.combination().name());
        data.writeDouble(s.sWin());
        data.writeDouble(s.sTie());
        data.writeDouble(s.sLoss());
        data.writeUTF(s.normalization().name());
        data.writeUTF(s.weighting().name());
        data.writeDouble(s.weightScale());
    }

    private static ScoringParameters readScoring(DataInputStream data) throws IOException {
        return new ScoringParameters(ScoringMethod.valueOf(data.readUTF()), data.readDouble(),
                TagCombination.valueOf(data.readUTF()), data.readDouble(), data.readDouble(), data.readDouble(),
                ScoreNormalization.valueOf(data.readUTF()), TagWeighting.valueOf(data.readUTF()), data.readDouble());
    }

    private static void writeDecision(DataOutputStream data, DecisionSettings d) throws IOException {
        data.writeUTF(d.rule().name());
        data.writeDouble(d.costScaleUsd());
        PartFile.writeNullable(data, d.defaultPreset());
        data.writeInt(d.presets().size());
        for (Preset p : d.presets()) {
            data.writeUTF(p.name());
            data.writeDouble(p.costPreference());
            data.writeDouble(p.acceptRate());
            data.writeDouble(p.costShare());
            data.writeUTF(p.promise());
        }
        data.writeInt(d.curve().size());
        for (CurvePoint c : d.curve()) {
            data.writeDouble(c.costPreference());
            data.writeDouble(c.acceptRate());
            data.writeDouble(c.costShare());
        }
        data.writeInt(d.curveFolds());
    }

    private static DecisionSettings readDecision(DataInputStream data) throws IOException {
        DecisionRuleName rule = DecisionRuleName.valueOf(data.readUTF());
        double costScale = data.readDouble();
        String defaultPreset = PartFile.readNullable(data);
        int presetCount = PartFile.count(data);
        List<Preset> presets = new ArrayList<>(presetCount);
        for (int i = 0; i < presetCount; i++) {
            presets.add(new Preset(data.readUTF(), data.readDouble(), data.readDouble(), data.readDouble(),
                    data.readUTF()));
        }
        int pointCount = PartFile.count(data);
        List<CurvePoint> curve = new ArrayList<>(pointCount);
        for (int i = 0; i < pointCount; i++) {
            curve.add(new CurvePoint(data.readDouble(), data.readDouble(), data.readDouble()));
        }
        return new DecisionSettings(rule, costScale, defaultPreset, presets, curve, data.readInt());
    }

    private static void writeProvenance(DataOutputStream data, TableProvenance p) throws IOException {
        data.writeBoolean(p != null);
        if (p != null) {
            PartFile.writeNullable(data, p.dataset());
            data.writeInt(p.prompts());
            PartFile.writeNullable(data, p.outcomeMapping());
            PartFile.writeNullable(data, p.referenceModel());
            PartFile.writeNullable(data, p.tagger());
        }
    }

    private static TableProvenance readProvenance(DataInputStream data) throws IOException {
        if (!data.readBoolean()) {
            return null;
        }
        return new TableProvenance(PartFile.readNullable(data), data.readInt(), PartFile.readNullable(data),
                PartFile.readNullable(data), PartFile.readNullable(data));
    }

    private static void writeCounts(DataOutputStream data, OutcomeCounts counts) throws IOException {
        data.writeInt(counts.wins());
        data.writeInt(counts.ties());
        data.writeInt(counts.losses());
    }

    private static OutcomeCounts readCounts(DataInputStream data) throws IOException {
        return new OutcomeCounts(data.readInt(), data.readInt(), data.readInt());
    }
}
