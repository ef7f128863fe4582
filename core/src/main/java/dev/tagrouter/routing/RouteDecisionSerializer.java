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
        writeList(d.tags(), g, RouteDecisionSerializer::writeTag);
        g.writeStringField(names.transform("tagger"), d.tagger());
        g.writeFieldName(names.transform("unmatchedTags"));
        writeList(d.unmatchedTags(), g, (tag, generator) -> generator.writeString(tag));
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
        writeList(d.models(), g, RouteDecisionSerializer::writeRanked);
        g.writeFieldName(names.transform("unfitModels"));
        writeList(d.unfitModels(), g, RouteDecisionSerializer::writeUnfit);
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

    /** Writes one element of a list; the list writer handles a null list and null elements. */
    private interface ItemWriter<T> {
        void write(T item, JsonGenerator g) throws IOException;
    }

    private static <T> void writeList(List<T> items, JsonGenerator g, ItemWriter<T> writer) throws IOException {
        if (items == null) {
            g.writeNull();
            return;
        }
        g.writeStartArray();
        for (T item : items) {
            if (item == null) {
                g.writeNull();
            } else {
                writer.write(item, g);
            }
        }
        g.writeEndArray();
    }

    private static void writeTag(DecisionTag t, JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeStringField("tag", t.tag());
        g.writeStringField("match", t.match());
        g.writeBooleanField("known", t.known());
        g.writeNumberField("turn", t.turn());
        g.writeNumberField("weight", t.weight());
        g.writeEndObject();
    }

    private static void writeRanked(RankedModel m, JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeStringField("model", m.model());
        g.writeNumberField("estimatedCostUsd", m.estimatedCostUsd());
        g.writeEndObject();
    }

    private static void writeUnfit(UnfitModel m, JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeStringField("model", m.model());
        g.writeStringField("code", m.code() == null ? null : m.code().name());
        g.writeStringField("message", m.message());
        g.writeEndObject();
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
