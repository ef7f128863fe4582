package dev.tagrouter.capability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Reads the catalog extract ({@code tagrouter-model-catalog/1}) that {@code scripts/refresh-model-catalog.py} writes. */
public final class ModelCatalogCodec {

    public static final String FORMAT = "tagrouter-model-catalog/1";

    private final ObjectMapper json = new ObjectMapper();

    public ModelCatalog read(InputStream in) throws IOException {
        JsonNode root = json.readTree(in);
        if (root == null || !FORMAT.equals(root.path("format").asText())) {
            throw new IOException("not a " + FORMAT + " file");
        }
        Map<String, ModelCapabilities> models = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : root.path("models").properties()) {
            JsonNode m = e.getValue();
            Set<String> modalities = new HashSet<>();
            m.path("inputModalities").forEach(v -> modalities.add(v.asText()));
            models.put(e.getKey(), new ModelCapabilities(m.path("catalogId").asText(e.getKey()),
                    m.path("contextWindow").asInt(0), m.path("maxOutputTokens").asInt(0), modalities,
                    m.path("attachments").asBoolean(false), m.path("toolCall").asBoolean(false),
                    bool(m.get("structuredOutput")), number(m.get("inputUsdPerMTok")),
                    number(m.get("outputUsdPerMTok")), number(m.get("cachedInputUsdPerMTok")),
                    m.hasNonNull("encoding") ? m.get("encoding").asText() : null));
        }
        return new ModelCatalog(root.path("source").asText(), root.path("snapshotCommit").asText(),
                root.path("snapshotDate").asText(), models);
    }

    private static Boolean bool(JsonNode node) {
        return node == null || node.isNull() ? null : node.asBoolean();
    }

    private static Double number(JsonNode node) {
        return node == null || node.isNull() ? null : node.asDouble();
    }
}
