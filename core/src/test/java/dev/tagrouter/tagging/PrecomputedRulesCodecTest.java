package dev.tagrouter.tagging;

import dev.tagrouter.testing.DevPrompts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The tagger read from its precomputed form tags exactly as the one compiled from the vocabulary text. */
class PrecomputedRulesCodecTest {

    private static final PrecomputedRulesCodec CODEC = new PrecomputedRulesCodec();
    private static final CompiledRules COMPILED = CompiledRules.compile(TagVocabulary.curated());
    private static final byte[] FILE = bytes(COMPILED);
    private static final CompiledRules PRECOMPUTED = read(FILE);
    private static final RuleTagger FROM_TEXT = new RuleTagger(COMPILED, RuleTagger.DEFAULT_MAX_TAGS);
    private static final RuleTagger FROM_FILE = new RuleTagger(PRECOMPUTED, RuleTagger.DEFAULT_MAX_TAGS);

    @Test
    void theVocabularyReadsBackEqual() {
        TagVocabulary expected = COMPILED.vocabulary();
        TagVocabulary actual = PRECOMPUTED.vocabulary();
        assertEquals(expected.tags(), actual.tags());
        assertEquals(expected.rules(), actual.rules());
        assertEquals(expected.phraseIndex(), actual.phraseIndex());
        for (TagRule rule : expected.rules()) { // the sets' order is part of what a tag result quotes
            assertEquals(List.copyOf(rule.implies()), List.copyOf(actual.rule(rule.name()).implies()));
            assertEquals(rule.when().stream().map(List::copyOf).toList(),
                    actual.rule(rule.name()).when().stream().map(List::copyOf).toList());
        }
        assertEquals(COMPILED.languages().languages(), PRECOMPUTED.languages().languages());
        assertEquals(COMPILED.languages().stopWords(), PRECOMPUTED.languages().stopWords());
        assertEquals(COMPILED.aliases().words(), PRECOMPUTED.aliases().words());
        assertEquals(COMPILED.aliases().refs(), PRECOMPUTED.aliases().refs());
    }

    @Test
    void tagsEqualTheTextBuiltTaggersOnTheDevPrompts() {
        List<String> prompts = DevPrompts.all();
        for (String prompt : prompts) {
            assertEquals(FROM_TEXT.tag(prompt), FROM_FILE.tag(prompt), () -> "differs on: " + prompt);
        }
        assertTrue(prompts.size() > 16_000, "read " + prompts.size() + " prompts");
    }

    @Test
    void tagsEqualTheTextBuiltTaggersOnFuzzedText() {
        Random random = new Random(14);
        TaggingFuzz fuzz = new TaggingFuzz(TagVocabulary.curated());
        RuleTagger fewFromText = new RuleTagger(COMPILED, 3);
        RuleTagger fewFromFile = new RuleTagger(PRECOMPUTED, 3);
        for (int i = 0; i < 5_000; i++) {
            String text = fuzz.next(random);
            assertEquals(FROM_TEXT.tag(text), FROM_FILE.tag(text), () -> "differs on: " + text);
            assertEquals(fewFromText.tag(text), fewFromFile.tag(text), () -> "differs at 3 tags on: " + text);
        }
    }

    @Test
    void theBytesAreTheSameOnEveryBuild() {
        assertArrayEquals(FILE, bytes(CompiledRules.compile(TagVocabulary.curated())));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 7, 12, 20, 1_000, -1})
    void aTruncatedFileIsRefused(int cut) {
        byte[] truncated = Arrays.copyOf(FILE, cut < 0 ? FILE.length - 1 : cut);
        IOException e = assertThrows(IOException.class, () -> CODEC.read(truncated, "classpath:r.bin"));
        assertTrue(e.getMessage().startsWith("precomputed rule tagger classpath:r.bin is truncated"), e.getMessage());
    }

    @Test
    void aChangedByteIsRefused() {
        for (int at = 12; at < FILE.length - 4; at += FILE.length / 97) {
            byte[] changed = FILE.clone();
            changed[at] ^= 0x01;
            IOException e = assertThrows(IOException.class, () -> CODEC.read(changed, "r.bin"));
            assertEquals("precomputed rule tagger r.bin is corrupt: its content does not match its CRC-32 checksum",
                    e.getMessage());
        }
    }

    @Test
    void aTableFileIsNotATagger() {
        byte[] table = FILE.clone();
        System.arraycopy("TRTABL01".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0, table, 0, 8);
        IOException e = assertThrows(IOException.class, () -> CODEC.read(table, "r.bin"));
        assertEquals("precomputed rule tagger r.bin is another kind of file (magic 'TRTABL01', expected 'TRRULE01')",
                e.getMessage());
    }

    private static byte[] bytes(CompiledRules rules) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            CODEC.write(rules, out);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return out.toByteArray();
    }

    private static CompiledRules read(byte[] file) {
        try {
            return CODEC.read(file, "test");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
