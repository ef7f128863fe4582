package dev.tagrouter.routing;

import dev.tagrouter.capability.ModelCapabilities;
import dev.tagrouter.capability.ModelCatalog;
import dev.tagrouter.capability.Requirements;
import dev.tagrouter.capability.Unfitness;
import dev.tagrouter.cost.TokenCounter;
import dev.tagrouter.decision.CostPreference;
import dev.tagrouter.table.CompiledTable;
import dev.tagrouter.tagging.ModalTagger;
import dev.tagrouter.testing.KeywordTagger;
import dev.tagrouter.testing.TinyData;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Models the catalog says cannot serve a request are removed before deciding; the ranked list follows the rule. */
class CapabilityFitTest {

    private static final TokenCounter WORDS = text -> text.split("\\s+").length;
    private static final String QUERY = "Write a Python function that sorts a list";

    // budget: text only, no tools, 20-token window; coder: tools, no JSON schema; premium: everything, o200k tokens.
    private static final ModelCatalog CATALOG = new ModelCatalog("test", "c0ffee", "2026-01-01", Map.of(
            "budget", new ModelCapabilities("p/budget", 20, 10, Set.of("text"), false, false, null, null, null, null,
                    null),
            "coder", new ModelCapabilities("p/coder", 1000, 100, Set.of("text"), false, true, false, null, null, null,
                    null),
            "premium", new ModelCapabilities("p/premium", 1000, 1000, Set.of("text", "image", "pdf"), true, true,
                    true, 1.0, 2.0, 0.5, "o200k_base")));

    private final Router router = new Router(CompiledTable.of(TinyData.table()), ModalTagger.only(new KeywordTagger()), WORDS,
            RouterSettings.DEFAULTS, () -> 0L, CATALOG, Map.of());

    @Test
    void eachRequirementRemovesTheModelsThatMissIt() {
        RouteDecision tools = router.route(RouteRequest.of(QUERY), new Requirements(false, false, false, true, false,
                null));
        assertEquals(List.of("budget"), tools.unfitModels().stream().map(u -> u.model()).toList());
        assertEquals(Unfitness.NEEDS_TOOLS, tools.unfitModels().get(0).code());
        assertEquals(Set.of("coder", "premium"), tools.acceptRates().keySet());

        RouteDecision schema = router.route(RouteRequest.of(QUERY), new Requirements(false, false, false, false, true,
                null));
        assertEquals(List.of(Unfitness.NEEDS_STRUCTURED_OUTPUT), schema.unfitModels().stream().map(u -> u.code())
                .toList(), "budget's catalog entry says nothing about structured output, so it stays");

        RouteDecision output = router.route(RouteRequest.of(QUERY), new Requirements(false, false, false, false, false,
                500));
        assertEquals(List.of("premium"), output.models().stream().map(RankedModel::model).toList());
        assertTrue(output.unfitModels().stream().allMatch(u -> u.code() == Unfitness.OUTPUT_TOO_LONG));

        String longQuery = QUERY + " word".repeat(30);
        RouteDecision context = router.route(RouteRequest.of(longQuery), Requirements.NONE);
        assertEquals(List.of(Unfitness.CONTEXT_TOO_LONG), context.unfitModels().stream().map(u -> u.code()).toList());
        assertTrue(context.unfitModels().get(0).message().contains("context window is 20"));
    }

    @Test
    void noModelLeftIs422NamingTheRequirement() {
        RouteException e = assertThrows(RouteException.class, () -> router.route(RouteRequest.of(QUERY),
                new Requirements(false, true, false, false, false, null)));
        assertEquals(ErrorCode.NO_ELIGIBLE_MODEL, e.code());
        assertEquals(422, e.code().httpStatus());
        assertTrue(e.sentence().contains("[NEEDS_AUDIO]"), e.sentence());
    }

    @Test
    void contextFitCountsWithTheModelsOwnEncoding() {
        TokenCounter huge = text -> 100_000; // stands in for a tokenizer that splits this text far finer
        Router byEncoding = new Router(CompiledTable.of(TinyData.table()), ModalTagger.only(new KeywordTagger()), WORDS,
                RouterSettings.DEFAULTS, () -> 0L, CATALOG, Map.of("o200k_base", huge));
        RouteDecision decision = byEncoding.route(RouteRequest.of(QUERY), Requirements.NONE);
        assertEquals(List.of("premium"), decision.unfitModels().stream().map(u -> u.model()).toList());
        assertEquals(Unfitness.CONTEXT_TOO_LONG, decision.unfitModels().get(0).code());
        assertEquals(8, decision.inputTokens(), "the answer's count stays the router's");
    }

    @Test
    void theRankedListIsTheUtilityOrderAndAnOutputCapLowersTheCost() {
        for (double preference : new double[] {0, -0.3, -1, -5}) {
            RouteDecision d = router.route(new RouteRequest(QUERY, null, null, null, null,
                    CostPreference.of(preference), null, null, null), Requirements.NONE);
            double scale = TinyData.table().decision().costScaleUsd();
            double previous = Double.POSITIVE_INFINITY;
            assertEquals(d.model(), d.models().get(0).model());
            assertEquals(3, d.models().size());
            for (RankedModel m : d.models()) {
                double utility = d.acceptRates().get(m.model()) + preference * m.estimatedCostUsd() / scale;
                assertTrue(utility <= previous + 1e-12, "preference " + preference + ": " + d.models());
                previous = utility;
            }
        }
        RouteDecision uncapped = router.route(RouteRequest.of(QUERY), Requirements.NONE);
        RouteDecision capped = router.route(RouteRequest.of(QUERY), new Requirements(false, false, false, false,
                false, 1));
        assertEquals(1, capped.expectedOutputTokens());
        assertTrue(capped.estimatedCostUsd() < uncapped.estimatedCostUsd());
    }
}
