package dev.tagrouter.capability;

import dev.tagrouter.precomputed.PartFile;
import dev.tagrouter.precomputed.PartReader;
import dev.tagrouter.precomputed.PartWriter;

import java.io.IOException;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The bundled model catalog in the form the build precomputes from its JSON extract: every field of
 * {@link ModelCatalog} and {@link ModelCapabilities} written with {@link PartWriter} (prices as their exact bits,
 * unknown values marked as such), so that start-up reads it without Jackson. A catalog a user configures is always
 * read from its JSON file with {@link ModelCatalogCodec}.
 */
public final class PrecomputedCatalogCodec {

    static final PartFile FILE = new PartFile("TRCATL01", "precomputed model catalog");

    /** Writes a catalog; models and modalities in sorted order, so that every build writes the same bytes. */
    public void write(ModelCatalog catalog, OutputStream out) throws IOException {
        FILE.write(out, data -> {
            data.writeString(catalog.source());
            data.writeString(catalog.snapshotCommit());
            data.writeString(catalog.snapshotDate());
            Map<String, ModelCapabilities> models = new TreeMap<>(catalog.models());
            data.writeInt(models.size());
            for (Map.Entry<String, ModelCapabilities> e : models.entrySet()) {
                ModelCapabilities m = e.getValue();
                data.writeString(e.getKey());
                data.writeString(m.catalogId());
                data.writeInt(m.contextWindow());
                data.writeInt(m.maxOutputTokens());
                data.writeStrings(new TreeSet<>(m.inputModalities()));
                data.writeBoolean(m.attachments());
                data.writeBoolean(m.toolCall());
                data.writeBoolean(m.structuredOutput() != null);
                if (m.structuredOutput() != null) {
                    data.writeBoolean(m.structuredOutput());
                }
                writeNullable(data, m.inputUsdPerMTok());
                writeNullable(data, m.outputUsdPerMTok());
                writeNullable(data, m.cachedInputUsdPerMTok());
                data.writeNullable(m.encoding());
            }
        });
    }

    /**
     * Reads the form {@link #write} produced.
     *
     * @throws IOException naming the origin when the file is cut short, of another kind or layout, changed after the
     *                     build, or holds values a catalog cannot have
     */
    public ModelCatalog read(byte[] file, String origin) throws IOException {
        return FILE.read(file, origin, PrecomputedCatalogCodec::readCatalog);
    }

    private static ModelCatalog readCatalog(PartReader data) throws IOException {
        String source = data.readString();
        String commit = data.readString();
        String date = data.readString();
        int count = data.count(1);
        Map<String, ModelCapabilities> models = new HashMap<>(count * 2);
        for (int i = 0; i < count; i++) {
            String name = data.readString();
            String catalogId = data.readString();
            int contextWindow = data.readInt();
            int maxOutputTokens = data.readInt();
            Set<String> modalities = new HashSet<>(data.readStrings());
            boolean attachments = data.readBoolean();
            boolean toolCall = data.readBoolean();
            Boolean structuredOutput = data.readBoolean() ? data.readBoolean() : null;
            Double input = readNullable(data);
            Double output = readNullable(data);
            Double cachedInput = readNullable(data);
            String encoding = data.readNullable();
            models.put(name, new ModelCapabilities(catalogId, contextWindow, maxOutputTokens, modalities, attachments,
                    toolCall, structuredOutput, input, output, cachedInput, encoding));
        }
        return new ModelCatalog(source, commit, date, models);
    }

    private static void writeNullable(PartWriter data, Double value) throws IOException {
        data.writeBoolean(value != null);
        if (value != null) {
            data.writeDouble(value);
        }
    }

    private static Double readNullable(PartReader data) throws IOException {
        return data.readBoolean() ? data.readDouble() : null;
    }
}
