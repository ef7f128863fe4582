package dev.tagrouter.routing;

import dev.tagrouter.capability.ModelCatalog;
import dev.tagrouter.capability.Requirements;
import dev.tagrouter.cost.MemoizedTokenCounter;
import dev.tagrouter.cost.TokenCounter;
import dev.tagrouter.tagging.ModalTagger;
import dev.tagrouter.tagging.Tagger;
import dev.tagrouter.testing.CountingTagger;
import dev.tagrouter.testing.KeywordTagger;
import dev.tagrouter.testing.TinyData;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ServiceRoutersTest {

    // Lower case: the keyword tagger's match is the lower-case keyword, and only a match found in the text is kept.
    private static final String EARLIER = "Here is the python module we discussed, please review it line by line.";
    private static final String QUERY = "Now write a short poem about the review you just gave me, please.";

    private final AtomicInteger tagged = new AtomicInteger();
    private final List<String> counted = new ArrayList<>();

    // Counts by words, and notes each text it is asked to count.
    private final TokenCounter words = text -> {
        counted.add(text);
        return text.split("\\s+").length;
    };

    // The keyword rules, counting the texts they are asked to tag.
    private final Tagger rules = CountingTagger.of(tagged, new KeywordTagger());

    @Test
    void aResentConversationGetsTheSameDecisionWithItsTagsAndCountsRemembered() {
        Router router = ServiceRouters.build(TinyData.table(), rules, ModalTagger::only, words,
                RouterSettings.DEFAULTS, () -> 0L, ModelCatalog.EMPTY, new SplittableRandom(1));
        RouteRequest request = new RouteRequest(QUERY, List.of(new ChatMessage("user", EARLIER),
                new ChatMessage("assistant", "Done, the review is above.")), null, null, null, null, null, null,
                null);
        TurnHistory history = new TurnHistory(null, List.of(), List.of(EARLIER));

        RouteDecision first = router.route(request, Requirements.NONE, history);
        int taggedFirst = tagged.get();
        List<String> countedFirst = List.copyOf(counted);
        counted.clear();
        RouteDecision second = router.route(request, Requirements.NONE, history);

        assertEquals(first, second);
        assertEquals(List.of("coding", "poem"), first.tags().stream().map(DecisionTag::tag).sorted().toList(),
                "the earlier turn's tag counts too");
        assertEquals(2, taggedFirst, "the query and the earlier user turn");
        assertEquals(taggedFirst, tagged.get(), "the resent request's tags all come from memory");
        assertTrue(countedFirst.containsAll(List.of(QUERY, EARLIER)), countedFirst.toString());
        assertTrue(counted.stream().allMatch(text -> text.length() < MemoizedTokenCounter.MIN_CHARS),
                "only texts too short to remember are counted again: " + counted);
    }

    @Test
    void theRouterTagsWithWhatTaggerForMakesOfTheRememberingRules() {
        List<Tagger> given = new ArrayList<>();
        Router router = ServiceRouters.build(TinyData.table(), rules, remembering -> {
            given.add(remembering);
            return ModalTagger.only(remembering);
        }, words, RouterSettings.DEFAULTS, () -> 0L, ModelCatalog.EMPTY, new SplittableRandom(2));

        assertEquals(1, given.size());
        assertEquals("keywords", given.get(0).name());
        assertEquals("keywords", router.route(RouteRequest.of(QUERY)).tagger());
        given.get(0).tag(EARLIER);
        int before = tagged.get();
        router.route(RouteRequest.of(EARLIER));
        assertEquals(before, tagged.get(), "the router tags through the tagger taggerFor was given");
    }
}
