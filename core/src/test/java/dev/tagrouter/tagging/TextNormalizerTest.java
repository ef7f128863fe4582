package dev.tagrouter.tagging;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TextNormalizerTest {

    @Test
    void caseAndPunctuationAndPluralsMeet() {
        assertEquals("poem", TextNormalizer.normalize("Poems"));
        assertEquals("poem", TextNormalizer.normalize("poem,"));
        assertEquals("poem", TextNormalizer.normalize("POEM"));
        assertEquals("story", TextNormalizer.normalize("stories"));
        assertEquals("movy", TextNormalizer.normalize("movie"));
        assertEquals(TextNormalizer.normalize("movie"), TextNormalizer.normalize("Movies"));
        assertEquals("match", TextNormalizer.normalize("matches"));
        assertEquals("class", TextNormalizer.normalize("classes"));
    }

    @Test
    void whitespaceAndPunctuationCollapse() {
        assertEquals("step by step", TextNormalizer.normalize("  Step-by-step!!\n"));
        assertEquals("what is the capital of france", TextNormalizer.normalize("What is the capital of France?"));
    }

    @Test
    void keepsWordsThatOnlyLookPlural() {
        assertEquals("news", TextNormalizer.normalize("News"));
        assertEquals("virus", TextNormalizer.normalize("virus"));
        assertEquals("analysis", TextNormalizer.normalize("analysis"));
        assertEquals("glass", TextNormalizer.normalize("glass"));
    }

    @Test
    void apostrophesAccentsAndLanguageNames() {
        assertEquals("dont", TextNormalizer.normalize("don't"));
        assertEquals("python", TextNormalizer.normalize("Python's"));
        assertEquals("resume", TextNormalizer.normalize("Résumé"));
        assertEquals("cpp", TextNormalizer.normalize("C++"));
        assertEquals("csharp", TextNormalizer.normalize("C#"));
        assertEquals("in dotnet", TextNormalizer.normalize("in .NET"));
        assertEquals("python 3", TextNormalizer.normalize("python3"));
    }

    @Test
    void hanCharactersAreSeparateWords() {
        assertEquals("翻 译 这 个", TextNormalizer.normalize("翻译这个"));
    }

    @Test
    void emptyNullAndBrokenInput() {
        assertEquals("", TextNormalizer.normalize(null));
        assertEquals("", TextNormalizer.normalize(""));
        assertEquals("", TextNormalizer.normalize("  ?! "));
        assertDoesNotThrow(() -> TextNormalizer.normalize("a\uD800b\uDC00c\u0000d\u0007"));
        assertEquals("a b c d", TextNormalizer.normalize("a\uD800b\uDC00c\u0000d\u0007"));
    }

    @Test
    void theWrittenOutLatinFoldIsWhatCanonicalDecompositionGives() {
        StringBuilder derived = new StringBuilder();
        for (int c = TextNormalizer.LATIN_FOLD_FROM; c < 0x250; c++) {
            String decomposed = java.text.Normalizer.normalize(String.valueOf((char) c), java.text.Normalizer.Form.NFD);
            char base = Character.toLowerCase(decomposed.charAt(0));
            derived.append(decomposed.length() > 1 && base < 0x80 && Character.isLetter(base) ? base : '.');
        }
        assertEquals(derived.toString(), TextNormalizer.LATIN_FOLD);
        assertEquals("resume a c n u e", TextNormalizer.normalize("Résumé À Ç Ñ Ű ȩ"));
    }
}
