package dev.tagrouter.routing;

import dev.tagrouter.cost.TokenCounter;
import dev.tagrouter.decision.CostPreference;
import dev.tagrouter.decision.DecisionReason;
import dev.tagrouter.table.CompiledTable;
import dev.tagrouter.table.RoutingTable;
import dev.tagrouter.testing.KeywordTagger;
import dev.tagrouter.testing.TinyData;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Routing on the tiny calibrated table (see {@link TinyData} for the choices it is built to make). Overall accept
 * rates with one pseudo-success and one pseudo-failure: budget 10/24, coder 13/24, premium 23/24.
 */
class RouterTest {

    private static final TokenCounter WORDS = text -> text.split("\\s+").length;
    private static final double BUDGET_PRIOR = 10 / 24.0;
    private static final double CODER_PRIOR = 13 / 24.0;
    private static final double PREMIUM_PRIOR = 23 / 24.0;

    private final AtomicLong nanos = new AtomicLong();
    private final Router router = router(TinyData.table(), RouterSettings.DEFAULTS);
    private final Router withPresets = router(TinyData.tableWithPresets(), RouterSettings.DEFAULTS);

    @Test
    void theBestEstimateWinsAtPreferenceZeroAndTheSpecialistWhenCostCounts() {
        RouteDecision best = router.route(RouteRequest.of("Write a Python function that sorts a list"));
        assertEquals("premium", best.model(), "premium accepts every code prompt too");
        assertEquals(DecisionReason.TOP_SCORE, best.reason().code());
        assertEquals(List.of(new DecisionTag("coding", "python", true)), best.tags());
        assertEquals("keywords", best.tagger());
        assertEquals(List.of("budget", "coder", "premium"), List.copyOf(best.acceptRates().keySet()),
                "cheapest first");
        // Shrunk with k = 20 toward the overall rates: coder 8/8 and premium 8/8 accepted on code, budget 0/8.
        assertEquals((0 + 20 * BUDGET_PRIOR) / 28, best.acceptRates().get("budget"), 1e-12);
        assertEquals((8 + 20 * CODER_PRIOR) / 28, best.acceptRates().get("coder"), 1e-12);
        assertEquals((8 + 20 * PREMIUM_PRIOR) / 28, best.acceptRates().get("premium"), 1e-12);
        assertEquals(0, best.costPreference(), "no preset and none configured: the best estimate");
        assertNull(best.preset());
        assertEquals(7, best.decisionMicros(), "time comes from the injected clock");

        RouteDecision balanced = router.route(request("Write a Python function that sorts a list",
                CostPreference.of(-0.5)));
        assertEquals("coder", balanced.model());
        assertEquals(DecisionReason.CHEAPER_WITHIN_PREFERENCE, balanced.reason().code());
        assertEquals(-0.5, balanced.costPreference());
        assertTrue(balanced.reason().message().contains("below premium's over 1 known tag"),
                balanced.reason().message());
    }

    @Test
    void costIsInputAndExpectedOutputTokensTimesPrices() {
        RouteDecision d = router.route(RouteRequest.of("Write a Python function"));
        assertEquals("premium", d.model());
        assertEquals(4, d.inputTokens());
        assertEquals(600, d.expectedOutputTokens(), "2400 chars at 4 chars per token");
        assertEquals((4 * 5 + 600 * 15) / 1e6, d.estimatedCostUsd(), 1e-15);
    }

    @Test
    void earlierMessagesAreBilledAsInput() {
        RouteRequest request = new RouteRequest("Write a poem", List.of(new ChatMessage("user", "one two three"),
                new ChatMessage("assistant", "four five")), null, null, null, null, "s-1", null, null);
        RouteDecision d = router.route(request);
        assertEquals(3 + 3 + 2, d.inputTokens());
        assertEquals("s-1", d.sessionId());
    }

    @Test
    void aLowerPreferenceTradesQualityForCost() {
        assertEquals("premium", router.route(RouteRequest.of("Write a poem about rain")).model());
        RouteDecision cheap = router.route(request("Write a poem about rain", CostPreference.of(-2)));
        assertEquals("budget", cheap.model(), "budget accepts every poem too, at a fraction of the price");
        assertEquals(DecisionReason.CHEAPER_WITHIN_PREFERENCE, cheap.reason().code());
        assertEquals(1.0, cheap.probabilities().get("budget"));
    }

    @Test
    void candidatesExcludeAndMaxCostNarrowThePool() {
        String code = "Write a Python function";
        assertEquals("premium", route(code, List.of("budget", "premium"), null, null).model());
        assertEquals("coder", route(code, null, List.of("premium"), null).model());
        assertEquals("coder", route(code, List.of("budget", "coder"), null, null).model());
        RouteDecision capped = route(code, null, null, 0.0001);
        assertEquals("budget", capped.model());
        assertEquals(List.of("budget"), List.copyOf(capped.acceptRates().keySet()));
        assertEquals(DecisionReason.ONLY_CANDIDATE, capped.reason().code());
    }

    @Test
    void queriesWithoutAKnownTagAreDecidedOnTheOverallAcceptRates() {
        RouteDecision d = router.route(RouteRequest.of("I speak Klingon"));
        assertEquals("premium", d.model());
        assertEquals(DecisionReason.NO_KNOWN_TAG, d.reason().code());
        assertEquals(List.of(new DecisionTag("klingon", "klingon", false)), d.tags());
        assertEquals(Map.of("budget", BUDGET_PRIOR, "coder", CODER_PRIOR, "premium", PREMIUM_PRIOR),
                d.acceptRates(), "the priors, the same rule as any other query");
        assertTrue(d.reason().message().startsWith("No tag of the query is in the table, so premium was chosen"), d.reason().message());

        RouteDecision untagged = router.route(RouteRequest.of("hello"));
        assertEquals(d.acceptRates(), untagged.acceptRates());
        assertEquals(DecisionReason.NO_KNOWN_TAG, untagged.reason().code());
        assertTrue(untagged.reason().message().startsWith("The query carries no tag"), untagged.reason().message());
    }

    @Test
    void withoutAKnownTagTheCostPreferenceStillMovesTheChoice() {
        String hello = "hello there";
        assertEquals("premium", router.route(request(hello, CostPreference.of(0))).model());
        RouteDecision balanced = router.route(request(hello, CostPreference.of(-0.5)));
        assertEquals("coder", balanced.model(), "coder gives up 0.42 for 0.07 of premium's price");
        assertEquals(DecisionReason.NO_KNOWN_TAG, balanced.reason().code());
        RouteDecision cheapest = router.route(request(hello, CostPreference.of(-100)));
        assertEquals("budget", cheapest.model(), "a very low preference takes the cheapest model");
        assertEquals(DecisionReason.NO_KNOWN_TAG, cheapest.reason().code());
        assertTrue(cheapest.reason().message().contains("cost preference -100"), cheapest.reason().message());
        assertEquals("budget", withPresets.route(request(hello, CostPreference.preset("cheap"))).model());
    }

    @Test
    void aPresetResolvesToItsNumberAndTheDecisionNamesIt() {
        RouteDecision quality = withPresets.route(request("Write a Python function", CostPreference.preset("quality")));
        assertEquals("premium", quality.model());
        assertEquals(0, quality.costPreference());
        assertEquals("quality", quality.preset());

        RouteDecision balanced = withPresets.route(request("Write a Python function",
                CostPreference.preset("balanced")));
        assertEquals("coder", balanced.model());
        assertEquals(-0.5, balanced.costPreference());
        assertEquals("balanced", balanced.preset());

        RouteDecision number = withPresets.route(request("Write a Python function", CostPreference.of(-0.5)));
        assertEquals("coder", number.model());
        assertNull(number.preset(), "a number names no preset");

        RouteDecision unset = withPresets.route(RouteRequest.of("Write a Python function"));
        assertEquals("quality", unset.preset(), "the table's default preset");
        assertEquals(0, unset.costPreference());
    }

    @Test
    void theConfiguredPreferenceServesRequestsThatSendNone() {
        Router configured = router(TinyData.tableWithPresets(),
                RouterSettings.DEFAULTS.withCostPreference(CostPreference.preset("balanced")));
        RouteDecision d = configured.route(RouteRequest.of("Write a Python function"));
        assertEquals("coder", d.model());
        assertEquals("balanced", d.preset());
        RouteDecision overridden = configured.route(request("Write a Python function", CostPreference.of(0)));
        assertEquals("premium", overridden.model(), "the request's preference wins over the configured one");
        assertNull(overridden.preset());
    }

    @Test
    void anUnknownPresetIsAnInvalidCostPreference() {
        RouteException e = assertThrows(RouteException.class,
                () -> withPresets.route(request("Write a poem", CostPreference.preset("frugal"))));
        assertEquals(ErrorCode.INVALID_COST_PREFERENCE, e.code());
        assertTrue(e.sentence().contains("unknown cost preset 'frugal'"), e.sentence());
        assertTrue(e.sentence().contains("[quality, balanced, cheap]"), e.sentence());

        RouteException none = assertThrows(RouteException.class,
                () -> router.route(request("Write a poem", CostPreference.preset("quality"))));
        assertEquals(ErrorCode.INVALID_COST_PREFERENCE, none.code());
        assertTrue(none.sentence().contains("this table has none"), none.sentence());
    }

    @Test
    void aConfiguredPresetTheTableLacksStopsTheStart() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> router(TinyData.tableWithPresets(),
                        RouterSettings.DEFAULTS.withCostPreference(CostPreference.preset("frugal"))));
        assertTrue(e.getMessage().contains("unknown cost preset 'frugal'"), e.getMessage());
    }

    @Test
    void refusesWhatCannotBeRouted() {
        assertCode(ErrorCode.NO_ELIGIBLE_MODEL, () -> route("Write a poem", null, null, 0.0));
        assertCode(ErrorCode.NO_ELIGIBLE_MODEL, () -> route("Write a poem", List.of("coder"), List.of("coder"), null));
        assertCode(ErrorCode.UNKNOWN_MODEL, () -> route("Write a poem", List.of("gpt-9"), null, null));
        assertCode(ErrorCode.UNKNOWN_MODEL, () -> route("Write a poem", null, List.of("gpt-9"), null));
        assertCode(ErrorCode.QUERY_REQUIRED, () -> router.route(RouteRequest.of("  ")));
        assertCode(ErrorCode.QUERY_TOO_LONG, () -> router.route(RouteRequest.of("x".repeat(40_000))));
        assertCode(ErrorCode.INVALID_MAX_COST, () -> route("Write a poem", null, null, -1.0));
        assertCode(ErrorCode.INVALID_MAX_COST, () -> route("Write a poem", null, null, Double.NaN));
        assertCode(ErrorCode.INVALID_COST_PREFERENCE,
                () -> withPresets.route(request("poem", CostPreference.preset("premium"))));
    }

    private Router router(RoutingTable table, RouterSettings settings) {
        return new Router(CompiledTable.of(table), new KeywordTagger(), WORDS, settings,
                () -> nanos.addAndGet(7_000));
    }

    private static RouteRequest request(String query, CostPreference preference) {
        return new RouteRequest(query, null, null, null, null, preference, null, null, null);
    }

    private RouteDecision route(String query, List<String> candidates, List<String> exclude, Double maxCost) {
        return router.route(new RouteRequest(query, null, candidates, exclude, maxCost, null, null, null, null));
    }

    private static void assertCode(ErrorCode code, Runnable call) {
        RouteException e = assertThrows(RouteException.class, call::run);
        assertEquals(code, e.code(), e.getMessage());
    }
}
