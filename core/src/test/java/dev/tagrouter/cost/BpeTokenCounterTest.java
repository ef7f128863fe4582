package dev.tagrouter.cost;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The precomputed encodings count exactly what jtokkit counts, on the project's prompts and on hostile text. */
class BpeTokenCounterTest {

    private static final Path DATA = Path.of(System.getProperty("tagrouter.data", "/work/shared/data"));
    private static final int FUZZ_CASES = Integer.getInteger("fuzz.texts", 3_000);

    @ParameterizedTest
    @EnumSource(TokenEncoding.class)
    void countsEqualJtokkitOnTheDevPrompts(TokenEncoding encoding) throws IOException {
        assumeTrue(Files.isDirectory(DATA), "the shared data set is not at " + DATA + " (-Dtagrouter.data=DIR)");
        ObjectMapper json = new ObjectMapper();
        TokenCounter counter = encoding.counter();
        int prompts = 0;
        for (String dataset : List.of("alpaca-eval-2", "routellm-mmlu", "routellm-gsm8k")) {
            for (String line : Files.readAllLines(DATA.resolve(dataset).resolve("prompts.jsonl"))) {
                String prompt = json.readTree(line).get("prompt").asText();
                assertEquals(JtokkitOracle.count(encoding, prompt), counter.count(prompt),
                        () -> encoding.encodingName() + " differs from jtokkit on " + dataset + ": " + line);
                prompts++;
            }
        }
        assertTrue(prompts > 16_000, "read " + prompts + " prompts");
    }

    @ParameterizedTest
    @EnumSource(TokenEncoding.class)
    void countsEqualJtokkitOnFuzzedText(TokenEncoding encoding) {
        Random random = new Random(14);
        TokenCounter counter = encoding.counter();
        for (int i = 0; i < FUZZ_CASES; i++) {
            String text = FuzzText.next(random);
            int expected = JtokkitOracle.count(encoding, text);
            assertEquals(expected, counter.count(text), () -> encoding.encodingName() + " differs from jtokkit on "
                    + text.codePoints().limit(200).mapToObj(c -> String.format("U+%04X", c)).toList());
        }
    }

    @ParameterizedTest
    @EnumSource(TokenEncoding.class)
    void longPiecesMergeLikeJtokkit(TokenEncoding encoding) {
        // Pieces above the scan limit take the heap path; jtokkit switches algorithm at 500 bytes.
        TokenCounter counter = encoding.counter();
        List<String> texts = new ArrayList<>();
        for (int length : new int[]{127, 128, 129, 200, 499, 500, 501, 4_000}) {
            texts.add("a".repeat(length));
            texts.add("ab".repeat(length / 2) + "c");
            texts.add("Supercalifragilistic".repeat(length / 20 + 1));
            texts.add("!?".repeat(length / 2));
            texts.add(" ".repeat(length) + "x");
            texts.add("日本語".repeat(length / 3 + 1));
            texts.add("\uD83D\uDE00".repeat(length / 4 + 1));
        }
        for (String text : texts) {
            assertEquals(JtokkitOracle.count(encoding, text), counter.count(text),
                    () -> encoding.encodingName() + " differs on a piece of " + text.length() + " chars");
        }
    }

    @Test
    void loneSurrogatesAreCountedAsReplacementCharacters() {
        TokenCounter tokens = TokenCounter.forEncoding("cl100k_base");
        assertEquals(tokens.count("a\uFFFDb"), tokens.count("a\uD800b"));
        assertEquals(tokens.count("x\uFFFD"), tokens.count("x\uDC00"));
        assertEquals("\uD83D\uDE00 ok", BpeTokenCounter.withoutLoneSurrogates("\uD83D\uDE00 ok"));
        assertEquals("\uFFFD\uD83D\uDE00\uFFFD", BpeTokenCounter.withoutLoneSurrogates("\uDE00\uD83D\uDE00\uD83D"));
    }

    @Test
    void encodingsAreChosenByName() {
        assertEquals(0, TokenCounter.forEncoding("o200k_base").count(""));
        // "hello world" is 2 tokens in both; a run of 100 spaces differs between them.
        assertEquals(2, TokenCounter.forEncoding("cl100k_base").count("hello world"));
        assertEquals(2, TokenCounter.forEncoding("O200K_BASE").count("hello world"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TokenCounter.forEncoding("p50k_base"));
        assertEquals("unknown token encoding 'p50k_base': expected one of cl100k_base, o200k_base", e.getMessage());
    }
}
