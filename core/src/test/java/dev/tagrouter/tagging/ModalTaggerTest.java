package dev.tagrouter.tagging;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class ModalTaggerTest {

    private static final String QUERY = "Write a poem about the sea";
    private final RuleTagger rules = RuleTagger.withCuratedVocabulary();
    private final TagAligner aligner = new TagAligner(TagVocabulary.curated(), 0.7);

    private ModalTagger with(TagGenerator generator, TaggerMode mode) {
        return new ModalTagger(rules, Optional.of(generator), aligner, mode);
    }

    @Test
    void remoteModeUsesTheAlignedGeneratorTagsAndReportsTheUnmatched() {
        Tagging t = with(q -> List.of("Python programming", "flibbertigibbet wobble"), TaggerMode.REMOTE).tag(QUERY, null);
        assertEquals("remote", t.tagger());
        assertEquals(List.of("python"), t.tags().stream().map(MatchedTag::tag).toList());
        assertEquals(List.of("flibbertigibbet wobble"), t.unmatched());
        assertNull(t.fallback());
    }

    @Test
    void hybridModePutsTheGeneratorTagsFirstAndAddsTheRules() {
        Tagging t = with(q -> List.of("Python"), TaggerMode.RULES).tag(QUERY, TaggerMode.HYBRID);
        assertEquals("hybrid", t.tagger());
        List<String> names = t.tags().stream().map(MatchedTag::tag).toList();
        assertEquals("python", names.get(0));
        assertEquals(true, names.contains("poem"));
    }

    @Test
    void aFailingGeneratorFallsBackToTheRulesWithItsReason() {
        Tagging t = with(q -> {
            throw new TagGenerationException(FallbackReason.HTTP_429, "slow down");
        }, TaggerMode.REMOTE).tag(QUERY, null);
        assertEquals("rules", t.tagger());
        assertEquals(FallbackReason.HTTP_429, t.fallback());
        assertEquals(rules.tag(QUERY).tags(), t.tags());
    }

    @Test
    void tagsThatAllMissTheVocabularyAreBadOutputButStillReported() {
        Tagging t = with(q -> List.of("zzz qqq"), TaggerMode.HYBRID).tag(QUERY, null);
        assertEquals(FallbackReason.BAD_OUTPUT, t.fallback());
        assertEquals(List.of("zzz qqq"), t.unmatched());
        assertEquals("rules", t.tagger());
    }

    @Test
    void withoutAGeneratorRemoteRequestsSayNotConfiguredAndRulesModeNeverCallsIt() {
        assertEquals(FallbackReason.NOT_CONFIGURED, ModalTagger.only(rules).tag(QUERY, TaggerMode.REMOTE).fallback());
        Tagging t = with(q -> {
            throw new AssertionError("rules mode must not call the generator");
        }, TaggerMode.RULES).tag(QUERY, null);
        assertNull(t.fallback());
        assertEquals("rules", t.tagger());
    }
}
