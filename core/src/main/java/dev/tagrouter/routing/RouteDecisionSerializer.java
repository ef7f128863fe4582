package dev.tagrouter.routing;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.databind.util.NameTransformer;
import dev.tagrouter.capability.UnfitModel;
import dev.tagrouter.decision.Reason;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Writes a {@link RouteDecision} as Jackson's record serialisation would, field by field, without building bean
 * serialisers by reflection.
 *
 * <p>Building them for the decision and the five records inside it took about 65 ms of a cold service's first answer
 * (issue 14); this writes the same bytes at once. The records stay the one definition of the wire format:
 * {@code RouteDecisionSerializerTest} compares this writer with Jackson's own serialisation on generated decisions
 * and fails on any difference, so a component added to a record without being added here is caught.
 */
public final class RouteDecisionSerializer extends StdSerializer<RouteDecision> {

    public RouteDecisionSerializer() {
        super(RouteDecision.class);
    }

    @Override
    public void serialize(RouteDecision d, JsonGenerator g, SerializerProvider provider) throws IOException {
        g.writeStartObject();
        writeFields(d, g, NameTransformer.NOP);
        g.writeEndObject();
    }

    /** The fields without their object, renamed, for a {@code @JsonUnwrapped} decision (the CLI's route lines). */
    @Override
    public JsonSerializer<RouteDecision> unwrappingSerializer(NameTransformer names) {
        return new StdSerializer<>(RouteDecision.class) {
            @Override
            public boolean isUnwrappingSerializer() {
                return true;
            }

            @Override
            public void serialize(RouteDecision d, JsonGenerator g, SerializerProvider provider) throws IOException {
                writeFields(d, g, names);
            }
        };
    }

    // Only the decision's own field names are renamed when it is unwrapped, as Jackson renames a bean's properties.
    private static void writeFields(RouteDecision d, JsonGenerator g, NameTransformer names) throws IOException {
        g.writeStringField(names.transform("model"), d.model());
        g.writeNumberField(names.transform("estimatedCostUsd"), d.estimatedCostUsd());
        g.writeNumberField(names.transform("inputTokens"), d.inputTokens());
        g.writeNumberField(names.transform("expectedOutputTokens"), d.expectedOutputTokens());
        g.writeFieldName(names.transform("tags"));
        writeTags(d.tags(), g);
        g.writeStringField(names.transform("tagger"), d.tagger());
        g.writeFieldName(names.transform("unmatchedTags"));
        writeStrings(d.unmatchedTags(), g);
        g.writeStringField(names.transform("fallbackReason"), d.fallbackReason());
        g.writeFieldName(names.transform("acceptRates"));
        writeNumbers(d.acceptRates(), g);
        g.writeNumberField(names.transform("costPreference"), d.costPreference());
        g.writeStringField(names.transform("preset"), d.preset());
        g.writeFieldName(names.transform("probabilities"));
        writeNumbers(d.probabilities(), g);
        g.writeFieldName(names.transform("reason"));
        writeReason(d.reason(), g);
        g.writeStringField(names.transform("tableVersion"), d.tableVersion());
        g.writeStringField(names.transform("sessionId"), d.sessionId());
        g.writeStringField(names.transform("requestId"), d.requestId());
        g.writeNumberField(names.transform("decisionMicros"), d.decisionMicros());
        g.writeFieldName(names.transform("models"));
        writeRanked(d.models(), g);
        g.writeFieldName(names.transform("unfitModels"));
        writeUnfit(d.unfitModels(), g);
        // @JsonInclude(NON_NULL) on the component: absent, not null, when there is no prompt cache to speak of.
        if (d.promptCache() != null) {
            PromptCache p = d.promptCache();
            g.writeObjectFieldStart(names.transform("promptCache"));
            g.writeStringField("model", p.model());
            g.writeNumberField("prefixTokens", p.prefixTokens());
            g.writeFieldName("cachedInputUsdPerMTok");
            if (p.cachedInputUsdPerMTok() == null) {
                g.writeNull();
            } else {
                g.writeNumber(p.cachedInputUsdPerMTok());
            }
            g.writeNumberField("cacheLossUsd", p.cacheLossUsd());
            g.writeEndObject();
        }
    }

    private static void writeTags(List<DecisionTag> tags, JsonGenerator g) throws IOException {
        if (tags == null) {
            g.writeNull();
            return;
        }
        g.writeStartArray();
        for (DecisionTag t : tags) {
            if (t == null) {
                g.writeNull();
                continue;
            }
            g.writeStartObject();
            g.writeStringField("tag", t.tag());
            g.writeStringField("match", t.match());
            g.writeBooleanField("known", t.known());
            g.writeNumberField("turn", t.turn());
            g.writeNumberField("weight", t.weight());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void writeReason(Reason r, JsonGenerator g) throws IOException {
        if (r == null) {
            g.writeNull();
            return;
        }
        g.writeStartObject();
        g.writeStringField("code", r.code() == null ? null : r.code().name());
        g.writeStringField("message", r.message());
        g.writeEndObject();
    }

    private static void writeRanked(List<RankedModel> models, JsonGenerator g) throws IOException {
        if (models == null) {
            g.writeNull();
            return;
        }
        g.writeStartArray();
        for (RankedModel m : models) {
            if (m == null) {
                g.writeNull();
                continue;
            }
            g.writeStartObject();
            g.writeStringField("model", m.model());
            g.writeNumberField("estimatedCostUsd", m.estimatedCostUsd());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void writeUnfit(List<UnfitModel> models, JsonGenerator g) throws IOException {
        if (models == null) {
            g.writeNull();
            return;
        }
        g.writeStartArray();
        for (UnfitModel m : models) {
            if (m == null) {
                g.writeNull();
                continue;
            }
            g.writeStartObject();
            g.writeStringField("model", m.model());
            g.writeStringField("code", m.code() == null ? null : m.code().name());
            g.writeStringField("message", m.message());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void writeStrings(List<String> values, JsonGenerator g) throws IOException {
        if (values == null) {
            g.writeNull();
            return;
        }
        g.writeStartArray();
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }

    private static void writeNumbers(Map<String, Double> values, JsonGenerator g) throws IOException {
        if (values == null) {
            g.writeNull();
            return;
        }
        g.writeStartObject();
        for (Map.Entry<String, Double> e : values.entrySet()) {
            g.writeFieldName(e.getKey());
            if (e.getValue() == null) {
                g.writeNull();
            } else {
                g.writeNumber(e.getValue());
            }
        }
        g.writeEndObject();
    }
}
