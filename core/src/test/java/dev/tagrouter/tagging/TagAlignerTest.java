package dev.tagrouter.tagging;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TagAlignerTest {

    private final TagAligner aligner = new TagAligner(TagVocabulary.curated(), 0.7);

    @Test
    void exactNamesAliasesCasePunctuationAndPlurals() {
        assertEquals(Optional.of("poem"), aligner.canonical("Poems"));
        assertEquals(Optional.of("legal-advice"), aligner.canonical("Legal Advice"));
        assertEquals(Optional.of("law"), aligner.canonical("law."));
        assertEquals(Optional.of("sql"), aligner.canonical("SQL queries"));
        assertEquals(Optional.of("machine-learning"), aligner.canonical("machine-learning"));
        assertEquals(Optional.of("recipe"), aligner.canonical("RECIPES"));
    }

    @Test
    void synonymsAndLongerPhrasesFindTheirTag() {
        assertEquals(Optional.of("python"), aligner.canonical("Pandas DataFrame"));
        assertEquals(Optional.of("python"), aligner.canonical("Python programming"));
        assertEquals(Optional.of("cooking"), aligner.canonical("cooking tips"));
    }

    @Test
    void smallSpellingVariantsMatchByTrigrams() {
        assertEquals(Optional.of("javascript"), aligner.canonical("javascrpt"));
    }

    @Test
    void nearMissesDoNotMatch() {
        assertEquals(Optional.empty(), aligner.canonical("lawful"));
        assertEquals(Optional.empty(), aligner.canonical("javelin"));
        assertEquals(Optional.empty(), aligner.canonical("xylophone restoration"));
        assertEquals(Optional.empty(), aligner.canonical("qwerty"));
    }

    @Test
    void unmatchedTagsAreReportedAndDuplicatesCollapse() {
        TagAligner.Alignment a = aligner.align(List.of("Poems", "poem", "zzyzx", "Python"));
        assertEquals(List.of(new MatchedTag("poem", "Poems"), new MatchedTag("python", "Python")), a.tags());
        assertEquals(List.of("zzyzx"), a.unmatched());
    }
}
