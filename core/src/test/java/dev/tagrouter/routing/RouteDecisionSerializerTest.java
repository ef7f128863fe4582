package dev.tagrouter.routing;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.tagrouter.capability.UnfitModel;
import dev.tagrouter.capability.Unfitness;
import dev.tagrouter.decision.DecisionReason;
import dev.tagrouter.decision.Reason;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The hand-written decision writer against Jackson's own serialisation of the records (the oracle: the same mapper
 * with the writer masked by a mix-in), on generated decisions: nulls, empty and long lists, odd strings and numbers.
 */
class RouteDecisionSerializerTest {

    @JsonSerialize(using = JsonSerializer.None.class)
    private abstract static class Reflective {
    }

    private static final ObjectMapper WRITER = new ObjectMapper();
    private static final ObjectMapper ORACLE = new ObjectMapper().addMixIn(RouteDecision.class, Reflective.class);
    private static final String[] TEXTS = {"", "python", "FuseChat-Qwen-2.5-7B-Instruct", "a \"quoted\" \\ path",
        "line\nbreak\ttab\u0000nul", "Grüße, 日本語, عربى", "emoji \uD83D\uDE00", "lone \uD800 surrogate", "</script>",
        "43 letters"};

    @Test
    void writesWhatJacksonWritesForTheRecords() throws Exception {
        SplittableRandom random = new SplittableRandom(20261202L);
        for (int i = 0; i < 5_000; i++) {
            RouteDecision decision = decision(random);
            assertEquals(ORACLE.writeValueAsString(decision), WRITER.writeValueAsString(decision), "decision " + i);
        }
    }

    record Line(String id, @JsonUnwrapped RouteDecision decision) {
    }

    record Prefixed(@JsonUnwrapped(prefix = "d.") RouteDecision decision, int n) {
    }

    // The CLI writes its route lines with the decision unwrapped into them.
    @Test
    void writesWhatJacksonWritesForAnUnwrappedDecision() throws Exception {
        SplittableRandom random = new SplittableRandom(14);
        for (int i = 0; i < 1_000; i++) {
            RouteDecision decision = decision(random);
            Line line = new Line("p" + i, decision);
            Prefixed prefixed = new Prefixed(decision, i);
            assertEquals(ORACLE.writeValueAsString(line), WRITER.writeValueAsString(line), "line " + i);
            assertEquals(ORACLE.writeValueAsString(prefixed), WRITER.writeValueAsString(prefixed), "prefixed " + i);
        }
    }

    @Test
    void theOracleIsJacksonsReflectiveWriterAndTheWriterIsInUse() throws Exception {
        RouteDecision decision = decision(new SplittableRandom(7));
        assertTrue(ORACLE.getSerializerProviderInstance().findValueSerializer(RouteDecision.class).getClass()
                .getName().contains("BeanSerializer"));
        assertEquals(RouteDecisionSerializer.class,
                WRITER.getSerializerProviderInstance().findValueSerializer(RouteDecision.class).getClass());
        assertFalse(WRITER.writeValueAsString(decision).isEmpty());
    }

    private static RouteDecision decision(SplittableRandom r) {
        List<DecisionTag> tags = r.nextInt(10) == 0 ? null : new ArrayList<>();
        for (int i = 0, n = tags == null ? 0 : r.nextInt(6); i < n; i++) {
            tags.add(r.nextInt(30) == 0 ? null
                    : new DecisionTag(text(r), text(r), r.nextBoolean(), r.nextInt(4), number(r)));
        }
        List<RankedModel> models = r.nextInt(10) == 0 ? null : new ArrayList<>();
        for (int i = 0, n = models == null ? 0 : r.nextInt(5); i < n; i++) {
            models.add(r.nextInt(30) == 0 ? null : new RankedModel(text(r), number(r)));
        }
        List<UnfitModel> unfit = r.nextInt(10) == 0 ? null : new ArrayList<>();
        for (int i = 0, n = unfit == null ? 0 : r.nextInt(3); i < n; i++) {
            unfit.add(r.nextInt(30) == 0 ? null : new UnfitModel(text(r), r.nextInt(8) == 0 ? null
                    : Unfitness.values()[r.nextInt(Unfitness.values().length)], text(r)));
        }
        List<String> unmatched = r.nextInt(10) == 0 ? null : new ArrayList<>();
        for (int i = 0, n = unmatched == null ? 0 : r.nextInt(4); i < n; i++) {
            unmatched.add(text(r));
        }
        Reason reason = r.nextInt(10) == 0 ? null : new Reason(r.nextInt(8) == 0 ? null
                : DecisionReason.values()[r.nextInt(DecisionReason.values().length)], text(r));
        PromptCache cache = r.nextInt(3) == 0 ? null
                : new PromptCache(text(r), r.nextInt(100_000), r.nextBoolean() ? null : number(r), number(r));
        return new RouteDecision(text(r), number(r), r.nextInt(), r.nextInt(), tags, text(r), unmatched, text(r),
                numbers(r), number(r), text(r), numbers(r), reason, text(r), text(r), text(r), r.nextLong(), models,
                unfit, cache);
    }

    private static Map<String, Double> numbers(SplittableRandom r) {
        if (r.nextInt(10) == 0) {
            return null;
        }
        Map<String, Double> values = new LinkedHashMap<>();
        for (int i = 0, n = r.nextInt(5); i < n; i++) {
            values.put(text(r) + i, r.nextInt(20) == 0 ? null : number(r));
        }
        return values;
    }

    private static String text(SplittableRandom r) {
        return r.nextInt(8) == 0 ? null : TEXTS[r.nextInt(TEXTS.length)];
    }

    private static double number(SplittableRandom r) {
        return switch (r.nextInt(12)) {
            case 0 -> Double.NaN;
            case 1 -> Double.POSITIVE_INFINITY;
            case 2 -> -0.0;
            case 3 -> Double.MIN_VALUE;
            case 4 -> 1e300 * r.nextDouble();
            case 5 -> r.nextInt(1000);
            default -> r.nextDouble() * Math.pow(10, r.nextInt(-9, 4));
        };
    }
}
