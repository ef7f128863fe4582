package dev.tagrouter.routing;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
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
        g.writeStringField("model", d.model());
        g.writeNumberField("estimatedCostUsd", d.estimatedCostUsd());
        g.writeNumberField("inputTokens", d.inputTokens());
        g.writeNumberField("expectedOutputTokens", d.expectedOutputTokens());
        g.writeFieldName("tags");
        writeTags(d.tags(), g);
        g.writeStringField("tagger", d.tagger());
        g.writeFieldName("unmatchedTags");
        writeStrings(d.unmatchedTags(), g);
        g.writeStringField("fallbackReason", d.fallbackReason());
        g.writeFieldName("acceptRates");
        writeNumbers(d.acceptRates(), g);
        g.writeNumberField("costPreference", d.costPreference());
        g.writeStringField("preset", d.preset());
        g.writeFieldName("probabilities");
        writeNumbers(d.probabilities(), g);
        g.writeFieldName("reason");
        writeReason(d.reason(), g);
        g.writeStringField("tableVersion", d.tableVersion());
        g.writeStringField("sessionId", d.sessionId());
        g.writeStringField("requestId", d.requestId());
        g.writeNumberField("decisionMicros", d.decisionMicros());
        g.writeFieldName("models");
        writeRanked(d.models(), g);
        g.writeFieldName("unfitModels");
        writeUnfit(d.unfitModels(), g);
        // @JsonInclude(NON_NULL) on the component: absent, not null, when there is no prompt cache to speak of.
        if (d.promptCache() != null) {
            PromptCache p = d.promptCache();
            g.writeObjectFieldStart("promptCache");
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
        g.writeEndObject();
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
