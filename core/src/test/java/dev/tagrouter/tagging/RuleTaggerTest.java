package dev.tagrouter.tagging;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class RuleTaggerTest {

    private static final RuleTagger TAGGER = RuleTagger.withCuratedVocabulary();

    private static List<String> tags(String text) {
        return TAGGER.tag(text).names();
    }

    private static void assertHas(List<String> tags, String... expected) {
        for (String e : expected) {
            assertTrue(tags.contains(e), "expected " + e + " in " + tags);
        }
    }

    private static void assertLacks(List<String> tags, String... unexpected) {
        for (String u : unexpected) {
            assertFalse(tags.contains(u), "did not expect " + u + " in " + tags);
        }
    }

    @Test
    void nameIsRules() {
        assertEquals("rules", TAGGER.name());
        assertEquals(RuleTagger.DEFAULT_MAX_TAGS, TAGGER.maxTags());
        assertTrue(TAGGER.vocabulary().size() >= 150);
    }

    @Test
    void pythonCodeQuestion() {
        assertHas(tags("How do I reverse a list in Python?"), "coding", "python", "how-to");
        assertHas(tags("My pandas DataFrame groupby throws a KeyError, how do I fix it?"), "python", "coding", "debugging");
    }

    @Test
    void poem() {
        List<String> tags = tags("Write a poem about autumn");
        assertHas(tags, "poem", "writing", "creative-writing");
        assertHas(tags("Write me a haiku about the sea"), "haiku", "poem");
    }

    @Test
    void mathProof() {
        assertHas(tags("Prove that the square root of 2 is irrational"), "math", "math-proof");
        assertHas(tags("Solve for x: 3x + 5 = 20"), "math");
        // "prove" outside mathematics is not a proof request
        assertLacks(tags("How can I prove to my boss that I deserve a raise?"), "math-proof", "math");
    }

    @Test
    void translation() {
        assertHas(tags("Translate this into French: I would like a coffee, please."), "translation");
    }

    @Test
    void legalQuestion() {
        assertHas(tags("Can my landlord evict me without notice?"), "law", "legal-advice");
    }

    @Test
    void scriptsAndLanguages() {
        List<String> russian = tags("Как мне написать письмо начальнику о том, что я заболел и не приду?");
        assertHas(russian, "script-cyrillic", "lang-russian");
        assertLacks(russian, "script-latin");
        assertHas(tags("请帮我写一首关于秋天的诗"), "script-cjk", "lang-chinese");
        assertHas(tags("東京でおすすめのラーメン屋を教えてください"), "script-cjk", "lang-japanese");
        assertHas(tags("What is the best way to learn the guitar as an adult?"), "script-latin", "lang-english");
        assertHas(tags("¿Cuál es la mejor manera de aprender a tocar la guitarra para un adulto?"), "lang-spanish");
        assertHas(tags("Quelle est la meilleure façon d'apprendre la guitare pour un adulte ?"), "lang-french");
        assertHas(tags("Wie kann ich als Erwachsener am besten Gitarre lernen, wenn ich wenig Zeit habe?"), "lang-german");
    }

    @Test
    void noLanguageGuessWithoutEvidence() {
        assertLacks(tags("Paris"), "lang-english", "lang-french");
    }

    @Test
    void falsePositiveGuards() {
        List<String> park = tags("Let's go to the park and play some games");
        assertLacks(park, "go", "coding");
        assertLacks(tags("I got a C in chemistry and an R in art"), "c", "r", "coding");
        assertLacks(tags("How do I remove rust from my bike?"), "rust", "coding");
        assertLacks(tags("There is a bug in my bedroom, what kind of insect is it?"), "debugging", "coding");
        assertLacks(tags("Why are pandas endangered?"), "python");
        assertLacks(tags("Give me a recipe that uses 250 ml of milk"), "machine-learning");
        assertHas(tags("Write a web server in Go"), "go", "coding");
        assertHas(tags("Is Golang faster than Rust for web servers?"), "go", "rust");
    }

    @Test
    void codeAndStructuralSignals() {
        String code = "What does this do?\n```\nfor (int i = 0; i < n; i++) {\n  sum += a[i];\n}\n```";
        assertHas(tags(code), "code-in-input", "code-explanation", "coding");
        assertHas(tags("What is 2+2? And why is the sky blue?"), "multiple-questions", "math");
        assertHas(tags("x".repeat(50) + " word".repeat(500)), "long-input");
        assertHas(tags("Explain quantum entanglement in 100 words"), "constraints", "physics");
        assertHas(tags("Solve this step by step: what is 17 * 23?"), "multi-step-reasoning", "math");
    }

    @Test
    void countsTheRulesWriteAreDescribedAndQuotesAreNot() {
        String code = "What does this do?\n```\nfor (int i = 0; i < n; i++) {\n  sum += a[i];\n}\n```\nWhy? Explain!";
        TagResult result = TAGGER.tag(code);
        for (MatchedTag tag : result.tags()) {
            boolean quote = code.contains(tag.match());
            assertEquals(!quote, tag.described(), tag.toString());
        }
        MatchedTag combination = result.tags().stream().filter(t -> t.tag().equals("code-explanation")).findFirst()
                .orElseThrow();
        assertTrue(combination.match().contains(" + code at char "), combination.toString());
        assertTrue(result.tags().stream().anyMatch(t -> t.match().endsWith(" letters")), result.toString());
        assertTrue(result.tags().stream().anyMatch(t -> t.match().endsWith(" questions")), result.toString());
        assertTrue(result.tags().stream().anyMatch(t -> !t.described()), result.toString());
    }

    @Test
    void matchIsOriginalTextAndTagsAreUniqueInOrder() {
        TagResult result = TAGGER.tag("Write a POEM. Then another poem, and a story.");
        List<String> names = result.names();
        assertEquals(new HashSet<>(names).size(), names.size(), names.toString());
        MatchedTag poem = result.tags().stream().filter(t -> t.tag().equals("poem")).findFirst().orElseThrow();
        assertEquals("POEM", poem.match());
        assertTrue(names.indexOf("writing") < names.indexOf("poem"), names.toString());
        assertTrue(names.indexOf("poem") < names.indexOf("story"), names.toString());
    }

    @Test
    void capIsRespectedAndKeepsCategoriesMixed() {
        String busy = "Write a funny poem and a short story in a table about python, java, sql, cooking, "
                + "travel, history, music, film and law, step by step, in 100 words?? And why?";
        RuleTagger three = new RuleTagger(TagVocabulary.curated(), 3);
        List<String> tags = three.tag(busy).names();
        assertEquals(3, tags.size(), tags.toString());
        TagVocabulary v = three.vocabulary();
        long categories = tags.stream().map(t -> v.find(t).orElseThrow().category()).distinct().count();
        assertEquals(3, categories, tags.toString());
        assertTrue(TAGGER.tag(busy).names().size() <= RuleTagger.DEFAULT_MAX_TAGS);
        assertThrows(IllegalArgumentException.class, () -> new RuleTagger(TagVocabulary.curated(), 0));
    }

    @Test
    void deterministicAndThreadSafe() throws Exception {
        String text = "Compare Python and JavaScript for a beginner web developer, step by step.";
        TagResult first = TAGGER.tag(text);
        assertEquals(first, TAGGER.tag(text));
        assertEquals(first, new RuleTagger(TagVocabulary.curated(), RuleTagger.DEFAULT_MAX_TAGS).tag(text));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<TagResult>> futures = new java.util.ArrayList<>();
            for (int i = 0; i < 200; i++) {
                futures.add(pool.submit(() -> TAGGER.tag(text)));
            }
            for (Future<TagResult> f : futures) {
                assertEquals(first, f.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void brokenInputDoesNotThrow() {
        assertEquals(TagResult.empty(), TAGGER.tag(null));
        assertEquals(TagResult.empty(), TAGGER.tag(""));
        assertDoesNotThrow(() -> TAGGER.tag("\uD800 write a poem \uDC00\u0000\u0001\u001b[31m"));
        assertHas(tags("\uD800 write a poem \uDC00\u0000\u0001"), "poem");
        assertDoesNotThrow(() -> TAGGER.tag("\uDBFF"));
        assertDoesNotThrow(() -> TAGGER.tag("?".repeat(40_000)));
        assertDoesNotThrow(() -> TAGGER.tag("1+".repeat(16_000)));
    }
}
