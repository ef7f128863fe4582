package dev.tagrouter.tagging;

import dev.tagrouter.testing.DevPrompts;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The phrase trie finds exactly the hits the Aho-Corasick automaton it replaced found. */
class AliasMatcherTest {

    private static final TagVocabulary VOCABULARY = TagVocabulary.curated();
    private static final AliasMatcher MATCHER = new AliasMatcher(VOCABULARY);
    private static final AhoCorasickAliasOracle ORACLE = new AhoCorasickAliasOracle(VOCABULARY);

    @Test
    void hitsEqualTheAutomatonsOnTheDevPrompts() {
        List<String> prompts = DevPrompts.all();
        int withHits = 0;
        for (String prompt : prompts) {
            withHits += assertSameHits(prompt) ? 1 : 0;
        }
        assertTrue(prompts.size() > 16_000 && withHits > prompts.size() / 2, withHits + " of " + prompts.size());
    }

    @Test
    void hitsEqualTheAutomatonsOnFuzzedText() {
        Random random = new Random(14);
        TaggingFuzz fuzz = new TaggingFuzz(VOCABULARY);
        for (int i = 0; i < 5_000; i++) {
            assertSameHits(fuzz.next(random));
        }
    }

    @Test
    void theLongestMatchWinsAndALaterOverlappingOneStillCounts() {
        // "cover letter" holds "letter"; "sum of" and "of the" style overlaps end past the kept match.
        String text = "Please write a cover letter and a short story about the sum of the squares.";
        assertSameHits(text);
        assertTrue(MATCHER.find(TextNormalizer.tokenize(text), text).stream().anyMatch(h -> h.match()
                .equals("cover letter")));
    }

    private static boolean assertSameHits(String text) {
        NormalizedText words = TextNormalizer.tokenize(text);
        List<Hit> expected = ORACLE.find(words, text);
        assertEquals(expected, MATCHER.find(words, text), () -> "differs on: " + text);
        return !expected.isEmpty();
    }
}
