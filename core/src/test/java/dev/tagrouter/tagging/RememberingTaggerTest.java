package dev.tagrouter.tagging;

import dev.tagrouter.testing.CountingTagger;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RememberingTaggerTest {

    private static final RuleTagger RULES = RuleTagger.withCuratedVocabulary();

    private static Tagger counting(AtomicInteger calls) {
        return CountingTagger.of(calls, RULES);
    }

    @Test
    void aResentTurnIsTaggedOnceAndAnsweredAsTheRulesAnswer() {
        AtomicInteger calls = new AtomicInteger();
        Tagger remembering = new RememberingTagger(counting(calls), 1024, 3, 4);
        List<String> turns = List.of(
                "The CSV importer drops the last row when the file has no trailing newline. Can you fix it?",
                "Rewrite the reader on top of the csv module, keep it streaming, add tests for CRLF files.",
                "Explique-moi la différence entre une liste et un tuple en Python, s'il te plaît, avec un exemple.",
                "请用中文解释一下快速排序的时间复杂度，并给出一个 Python 实现。",
                "Solve 3x + 5 = 20 step by step. 1. isolate x 2. divide. Then write a poem about it in 500 words?");
        for (int request = 1; request <= turns.size(); request++) {
            for (String turn : turns.subList(0, request)) {
                assertEquals(RULES.tag(turn), remembering.tag(turn), turn);
            }
        }
        assertEquals(turns.size(), calls.get(), "each turn tagged once");
        assertEquals("rules", remembering.name());
    }

    @Test
    void tagsStayExactOnFuzzedTextsFightingOverFewSlots() {
        TaggingFuzz fuzz = new TaggingFuzz(TagVocabulary.curated());
        Random random = new Random(17);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            texts.add(fuzz.next(random));
        }
        Tagger remembering = new RememberingTagger(RULES, 8, 5, 6);
        int combinations = 0;
        for (int i = 0; i < 1_500; i++) {
            String text = texts.get(random.nextInt(texts.size()));
            TagResult expected = RULES.tag(text);
            assertEquals(expected, remembering.tag(text));
            combinations += (int) expected.tags().stream().filter(t -> t.match().contains(" + ")).count();
        }
        assertTrue(combinations > 0, "the texts include combinations");
    }

    @Test
    void combinationsAndDescriptionsComeBackWhole() {
        // A combination's match joins its parts' matches with " + ", a script tag's is a count the rules write.
        String text = "Write a Python function that parses a CSV file and sums the second column, with unit tests.";
        TagResult expected = RULES.tag(text);
        assertTrue(expected.tags().stream().anyMatch(t -> t.match().endsWith(" letters")), expected.toString());
        Tagger remembering = new RememberingTagger(RULES, 16, 7, 8);
        remembering.tag(text);
        assertEquals(expected, remembering.tag(text));
    }

    @Test
    void aMatchThatIsNeitherInTheTextNorTheRulesOwnIsNotRemembered() {
        AtomicInteger calls = new AtomicInteger();
        Tagger odd = new CountingTagger(calls, "odd",
                text -> new TagResult(List.of(new MatchedTag("coding", text.toUpperCase()))));
        Tagger remembering = new RememberingTagger(odd, 16, 1, 2);
        String text = "please refactor this class";
        remembering.tag(text);
        assertEquals("PLEASE REFACTOR THIS CLASS", remembering.tag(text).tags().get(0).match());
        assertEquals(2, calls.get(), "tagged again: the upper-cased text is not kept");
    }

    @Test
    void aQuoteIsKeptOnlyAsPlacesInTheText() {
        AtomicInteger calls = new AtomicInteger();
        Tagger quoting = new CountingTagger(calls, "quoting",
                text -> new TagResult(List.of(new MatchedTag("lang-english", "3 of 4 stop words"))));
        Tagger remembering = new RememberingTagger(quoting, 16, 1, 2);
        String typed = "my table has 3 of 4 stop words";
        remembering.tag(typed);
        assertEquals("3 of 4 stop words", remembering.tag(typed).tags().get(0).match());
        assertEquals(1, calls.get(), "a quote found in the text is remembered");
        String elsewhere = "the quote is not in this text";
        remembering.tag(elsewhere);
        remembering.tag(elsewhere);
        assertEquals(3, calls.get(), "a quote missing from the text is not kept as it is, however it reads");
    }

    private static Tagger answering(AtomicInteger calls, MatchedTag... tags) {
        return new CountingTagger(calls, "fixed", text -> new TagResult(List.of(tags)));
    }

    @Test
    void aDescriptionIsRememberedWhateverItsWords() {
        // The memory has no list of the words descriptions use: a detector may word its counts as it likes.
        AtomicInteger calls = new AtomicInteger();
        TagResult described = new TagResult(List.of(
                new MatchedTag("lang-greek", "12 glyphs, 3 accents", true),
                new MatchedTag("code-explanation", "explain + 4 braces + this", true),
                new MatchedTag("coding", "explain")));
        Tagger remembering = new RememberingTagger(answering(calls, described.tags().toArray(MatchedTag[]::new)),
                16, 1, 2);
        String text = "explain this, please";
        remembering.tag(text);
        assertEquals(described, remembering.tag(text));
        assertEquals(1, calls.get(), "remembered");
    }

    @Test
    void aDescribedMatchCutInsideAQuotesJoinIsNotRemembered() {
        // The clip cut "...quote + 9 letters" after the quote's " +": the quote would be kept as it is.
        String quote = "please refactor the importer so that it streams rows from my file";
        String match = ("57 letters + " + quote + " + 9 letters").substring(0, Hit.MAX_MATCH_CHARS);
        assertTrue(match.endsWith(quote + " +"), match);
        AtomicInteger calls = new AtomicInteger();
        Tagger remembering = new RememberingTagger(answering(calls, new MatchedTag("coding", match, true)), 16, 1,
                2);
        String text = quote + ", thanks";
        remembering.tag(text);
        assertEquals(match, remembering.tag(text).tags().get(0).match());
        assertEquals(2, calls.get(), "tagged again");
    }

    @Test
    void refusesATableSizeThatIsNotAPowerOfTwo() {
        assertThrows(IllegalArgumentException.class, () -> new RememberingTagger(RULES, 3, 1, 2));
        assertThrows(IllegalArgumentException.class, () -> new RememberingTagger(RULES, 0, 1, 2));
    }
}
