package dev.tagrouter.routing;

import dev.tagrouter.table.CompiledTable;
import dev.tagrouter.decision.DecisionReason;
import dev.tagrouter.cost.JtokkitTokenCounter;
import dev.tagrouter.cost.TokenCounter;
import dev.tagrouter.testing.KeywordTagger;
import dev.tagrouter.testing.TinyData;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RouterTest {

    private static final TokenCounter WORDS = text -> text.split("\\s+").length;
    private final AtomicLong nanos = new AtomicLong();
    private final Router router = new Router(CompiledTable.of(TinyData.table()), new KeywordTagger(), WORDS,
            RouterSettings.DEFAULTS, () -> nanos.addAndGet(7_000));

    @Test
    void codeGoesToTheModelThatWinsOnCode() {
        RouteDecision d = router.route(RouteRequest.of("Write a Python function that sorts a list"));
        assertEquals("coder", d.model());
        assertEquals(DecisionReason.TOP_SCORE, d.reason().code());
        assertEquals(List.of(new DecisionTag("coding", "python", true)), d.tags());
        assertEquals("keywords", d.tagger());
        assertEquals(List.of("budget", "coder", "premium"), List.copyOf(d.scores().keySet()), "cheapest first");
        assertEquals(7, d.decisionMicros(), "time comes from the injected clock");
    }

    @Test
    void costIsInputAndExpectedOutputTokensTimesPrices() {
        RouteDecision d = router.route(RouteRequest.of("Write a Python function"));
        assertEquals(4, d.inputTokens());
        assertEquals(400, d.expectedOutputTokens(), "1600 chars at 4 chars per token");
        assertEquals((4 * 0.5 + 400 * 1.5) / 1e6, d.estimatedCostUsd(), 1e-15);
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
    void aLowerThetaTradesQualityForCost() {
        assertEquals("premium", router.route(RouteRequest.of("Write a poem about rain")).model());
        RouteDecision cheap = router.route(new RouteRequest("Write a poem about rain", null, null, null, null, -2.0,
                null, null, null));
        assertEquals("budget", cheap.model());
        assertEquals(DecisionReason.CHEAPER_WITHIN_THETA, cheap.reason().code());
    }

    @Test
    void candidatesExcludeAndMaxCostNarrowThePool() {
        String code = "Write a Python function";
        assertEquals("premium", route(code, List.of("budget", "premium"), null, null).model());
        assertEquals("premium", route(code, null, List.of("coder"), null).model());
        RouteDecision capped = route(code, null, null, 0.0001);
        assertEquals("budget", capped.model());
        assertEquals(List.of("budget"), List.copyOf(capped.scores().keySet()));
    }

    @Test
    void queriesWithoutAKnownTagGoToTheDefaultModelAndSaySo() {
        RouteDecision d = router.route(RouteRequest.of("I speak Klingon"));
        assertEquals("premium", d.model());
        assertEquals(DecisionReason.NO_KNOWN_TAG, d.reason().code());
        assertEquals(List.of(new DecisionTag("klingon", "klingon", false)), d.tags());
        assertTrue(d.reason().message().contains("None of the query's tags is in the routing table"));

        Router configured = new Router(CompiledTable.of(TinyData.table()), new KeywordTagger(), WORDS,
                new RouterSettings(0, 10, Optional.of("coder"), RequestLimits.DEFAULTS, Optional.empty()), System::nanoTime);
        assertEquals("coder", configured.route(RouteRequest.of("hello")).model());
        assertEquals("premium", configured.route(new RouteRequest("hello", null, null, List.of("coder"), null, null,
                null, null, null)).model(), "an excluded default falls back to the best model overall");
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
        assertCode(ErrorCode.INVALID_COST_PREFERENCE, () -> router.route(new RouteRequest("poem", null, null, null,
                null, Double.POSITIVE_INFINITY, null, null, null)));
    }

    @Test
    void aDefaultModelOutsideThePoolIsAConfigurationError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Router(
                CompiledTable.of(TinyData.table()), new KeywordTagger(), WORDS,
                new RouterSettings(0, 10, Optional.of("gpt-9"), RequestLimits.DEFAULTS, Optional.empty()), System::nanoTime));
        assertTrue(e.getMessage().contains("'gpt-9' is not in the routing table's pool"));
    }

    private RouteDecision route(String query, List<String> candidates, List<String> exclude, Double maxCost) {
        return router.route(new RouteRequest(query, null, candidates, exclude, maxCost, null, null, null, null));
    }

    private static void assertCode(ErrorCode code, Runnable call) {
        RouteException e = assertThrows(RouteException.class, call::run);
        assertEquals(code, e.code(), e.getMessage());
    }
}
