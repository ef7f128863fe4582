package dev.tagrouter.routing;

import dev.tagrouter.capability.ModelCapabilities;
import dev.tagrouter.capability.ModelCatalog;
import dev.tagrouter.capability.Requirements;
import dev.tagrouter.cost.CachedInputPrice;
import dev.tagrouter.cost.TokenCounter;
import dev.tagrouter.decision.CostPreference;
import dev.tagrouter.table.CompiledTable;
import dev.tagrouter.table.ModelEntry;
import dev.tagrouter.table.OutcomeCounts;
import dev.tagrouter.tagging.ModalTagger;
import dev.tagrouter.testing.KeywordTagger;
import dev.tagrouter.testing.TinyData;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A turn of a conversation on the tiny table: the previous model's prompt cache in the cost estimates, and the
 * earlier user turns' tags at their lower weights. Prices per million tokens: budget 0.1 in, coder 0.5 in / 1.5 out,
 * premium 5 / 15; the made-up catalog gives coder's cache a tenth of its input price and budget's half, premium none.
 */
class ConversationRoutingTest {

    private static final TokenCounter WORDS = text -> text.split("\\s+").length;
    private static final ModelCatalog CATALOG = new ModelCatalog("test", "c0ffee", "2026-01-01", Map.of(
            "budget", caps("p/budget", 0.2, 0.1),
            "coder", caps("p/coder", 1.0, 0.1),
            "premium", caps("p/premium", 3.0, null)));
    private static final ChatMessage EARLIER = new ChatMessage("user",
            "Here is the module we discussed, please review it line by line. ".repeat(400).strip());
    private static final ChatMessage ANSWER = new ChatMessage("assistant", "Done, here is the review.");

    private final CompiledTable table = CompiledTable.of(TinyData.tableWithPresets());
    private final Router router = new Router(table, ModalTagger.only(new KeywordTagger()), WORDS,
            RouterSettings.DEFAULTS, () -> 0L, CATALOG, Map.of());

    @Test
    void theCachedPrefixIsPricedAtTheCachedPriceOnlyForThePreviousModel() {
        RouteRequest request = longConversation("Write a Python function that sorts a list", "quality");
        RouteDecision alone = router.route(request, Requirements.NONE);
        RouteDecision turn = router.route(request, Requirements.NONE,
                new TurnHistory("coder", List.of(EARLIER), List.of()));

        int prefix = WORDS.count(EARLIER.content());
        int n = turn.inputTokens();
        ModelEntry coder = table.model(table.modelIndex("coder"));
        double cached = 0.5 * (0.1 / 1.0);
        double expected = ((n - prefix) * 0.5 + prefix * cached + coder.expectedOutputTokens() * 1.5) / 1e6;
        assertEquals(expected, cost(turn, "coder"), 1e-18);
        assertEquals(new PromptCache("coder", prefix, cached, prefix * (0.5 - cached) / 1e6), turn.promptCache());
        // Every other model pays the full input price, as without a previous model.
        assertEquals(cost(alone, "budget"), cost(turn, "budget"));
        assertEquals(cost(alone, "premium"), cost(turn, "premium"));
        // Leaving coder costs exactly its cache loss more than staying on it.
        assertEquals(cost(alone, "coder") - cost(turn, "coder"), turn.promptCache().cacheLossUsd(), 1e-18);
        assertNull(alone.promptCache(), "no previous model, no prompt cache in the answer");
    }

    @Test
    void aModelWithoutAKnownCachedPriceGetsNoDiscount() {
        RouteRequest request = longConversation("Write a Python function that sorts a list", "quality");
        RouteDecision alone = router.route(request, Requirements.NONE);
        RouteDecision turn = router.route(request, Requirements.NONE,
                new TurnHistory("premium", List.of(EARLIER), List.of()));
        assertEquals(alone.models(), turn.models());
        assertEquals(alone.estimatedCostUsd(), turn.estimatedCostUsd());
        assertNull(turn.promptCache().cachedInputUsdPerMTok());
        assertEquals(0, turn.promptCache().cacheLossUsd());
        assertEquals(WORDS.count(EARLIER.content()), turn.promptCache().prefixTokens());
    }

    @Test
    void thePreviousModelWinsOnItsCacheAndTheReasonSaysSo() {
        // At "cheap" a query without a known tag goes to budget; a long prefix coder has cached at a tenth of its
        // input price makes coder the cheaper call.
        RouteRequest request = longConversation("Thanks, looks good", "cheap");
        assertEquals("budget", router.route(request, Requirements.NONE).model());
        RouteDecision turn = router.route(request, Requirements.NONE,
                new TurnHistory("coder", List.of(EARLIER, EARLIER, EARLIER), List.of()));
        assertEquals("coder", turn.model());
        assertTrue(turn.reason().message().contains("Its prompt cache decides it: " + turn.promptCache()
                .prefixTokens() + " prefix tokens at the cached price save"), turn.reason().message());
        assertTrue(turn.reason().message().endsWith("at the full price budget would have been chosen."));
        assertTrue(cost(turn, "coder") < cost(turn, "budget"));
        assertEquals("budget", turn.models().get(1).model());
    }

    @Test
    void earlierUserTurnsAddTheirTagsAtDecayingWeights() {
        RouteDecision turn = router.route(request("commit it", "cheap"), Requirements.NONE, new TurnHistory(null,
                List.of(), List.of("now port it to python", "write a poem about it", "prove it terminates",
                        "and in klingon")));
        assertEquals(List.of(new DecisionTag("coding", "python", true, 1, 0.5),
                new DecisionTag("poem", "poem", true, 2, 0.25),
                new DecisionTag("math-proof", "prove", true, 3, 0.125)), turn.tags(),
                "three earlier turns at most: the fourth (klingon) is not tagged");
        assertNull(turn.promptCache());

        RouteDecision both = router.route(request("python again please", "cheap"), Requirements.NONE,
                new TurnHistory(null, List.of(), List.of("write it in python")));
        assertEquals(List.of(new DecisionTag("coding", "python", true)), both.tags(),
                "a tag of the routed turn and an earlier one keeps the routed turn's weight");
    }

    @Test
    void aShortLastTurnAfterACodingExchangeIsRoutedAsCoding() {
        RouteRequest commit = request("commit it", "cheap");
        RouteDecision alone = router.route(commit, Requirements.NONE);
        RouteDecision afterCode = router.route(commit, Requirements.NONE, new TurnHistory(null, List.of(),
                List.of("The test fails on an empty list, fix the Python function")));
        assertEquals("budget", alone.model(), "alone it carries no tag");
        assertEquals("coder", afterCode.model(), "the earlier coding turn makes it code");
        assertEquals(table.score(table.modelIndex("coder"), new int[]{table.tagIndex("coding")}),
                afterCode.acceptRates().get("coder"), 1e-15, "the only known tag: its weight leaves the mean alone");
    }

    @Test
    void earlierTurnsAreBoundedByACharacterBudget() {
        String long1 = "x".repeat(RecentTurnTags.EARLIER_CHARS) + " python";
        RouteDecision turn = router.route(request("commit it", "cheap"), Requirements.NONE,
                new TurnHistory(null, List.of(), List.of(long1, "a poem")));
        assertTrue(turn.tags().isEmpty(), "python lies past the budget and the budget is spent: " + turn.tags());
    }

    @Test
    void earlierTurnsWithoutTagsDecideExactlyAsTheTurnAlone() {
        for (String preset : List.of("quality", "balanced", "cheap")) {
            RouteRequest request = request("Write a Python function that sorts a list", preset);
            RouteDecision alone = router.route(request);
            RouteDecision turn = router.route(request, Requirements.NONE,
                    new TurnHistory(null, List.of(), List.of("hello there", "thanks")));
            assertEquals(alone.model(), turn.model());
            assertEquals(alone.acceptRates(), turn.acceptRates());
            assertEquals(alone.models(), turn.models());
            assertEquals(alone.tags(), turn.tags());
        }
    }

    @Test
    void theCachedPriceCarriesTheCatalogRatioOverToTheTablePrice() {
        ModelEntry model = new ModelEntry("m", 0.8, 1.6, 100, OutcomeCounts.ZERO);
        assertEquals(0.2, CachedInputPrice.of(model, Optional.of(caps("p/m", 0.4, 0.1))), 1e-15);
        assertNull(CachedInputPrice.of(model, Optional.empty()));
        assertNull(CachedInputPrice.of(model, Optional.of(caps("p/m", 0.4, null))));
        assertNull(CachedInputPrice.of(model, Optional.of(caps("p/m", 0.0, 0.0))), "free input: no ratio");
        assertEquals(0.8, CachedInputPrice.of(model, Optional.of(caps("p/m", 0.4, 0.6))), 1e-15,
                "never a surcharge");
        assertFalse(new PromptCache("m", 0, 0.2, 0).discounts("m"), "nothing cached, nothing discounted");
    }

    private static double cost(RouteDecision decision, String model) {
        return decision.models().stream().filter(m -> m.model().equals(model)).findFirst().orElseThrow()
                .estimatedCostUsd();
    }

    private static RouteRequest request(String query, String preset) {
        return new RouteRequest(query, List.of(new ChatMessage("user", "hello"), ANSWER), null, null, null,
                CostPreference.preset(preset), null, null, null);
    }

    // A conversation of three long user turns and their answers before the routed one.
    private static RouteRequest longConversation(String query, String preset) {
        return new RouteRequest(query, List.of(EARLIER, ANSWER, EARLIER, ANSWER, EARLIER, ANSWER), null, null, null,
                CostPreference.preset(preset), null, null, null);
    }

    private static ModelCapabilities caps(String id, Double input, Double cached) {
        return new ModelCapabilities(id, 0, 0, Set.of("text"), false, true, true, input, input, cached, null);
    }
}
