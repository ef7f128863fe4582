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
import java.util.function.IntPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The hand-written piece splitters cut text exactly where tiktoken's patterns, run by java.util.regex, cut it. */
class PieceSplitterTest {

    private static final Path DATA = Path.of(System.getProperty("tagrouter.data", "/work/shared/data"));
    private static final int FUZZ_CASES = Integer.getInteger("fuzz.texts", 3_000);
    private static final int TARGETED_CASES = Integer.getInteger("fuzz.pieces", 20_000);

    @ParameterizedTest
    @EnumSource(TokenEncoding.class)
    void piecesEqualTheRegexOnTheDevPrompts(TokenEncoding encoding) throws IOException {
        assumeTrue(Files.isDirectory(DATA), "the shared data set is not at " + DATA + " (-Dtagrouter.data=DIR)");
        ObjectMapper json = new ObjectMapper();
        Pattern regex = regex(encoding);
        int prompts = 0;
        for (String dataset : List.of("alpaca-eval-2", "routellm-mmlu", "routellm-gsm8k")) {
            for (String line : Files.readAllLines(DATA.resolve(dataset).resolve("prompts.jsonl"))) {
                assertSamePieces(encoding, regex, json.readTree(line).get("prompt").asText());
                prompts++;
            }
        }
        assertTrue(prompts > 16_000, "read " + prompts + " prompts");
    }

    @ParameterizedTest
    @EnumSource(TokenEncoding.class)
    void piecesEqualTheRegexOnFuzzedText(TokenEncoding encoding) {
        Random random = new Random(14);
        Pattern regex = regex(encoding);
        for (int i = 0; i < FUZZ_CASES; i++) {
            assertSamePieces(encoding, regex, FuzzText.next(random));
        }
    }

    @ParameterizedTest
    @EnumSource(TokenEncoding.class)
    void piecesEqualTheRegexOnTheTrickyClasses(TokenEncoding encoding) {
        Random random = new Random(13);
        Pattern regex = regex(encoding);
        TrickyText tricky = new TrickyText();
        for (int i = 0; i < TARGETED_CASES; i++) {
            assertSamePieces(encoding, regex, tricky.next(random));
        }
    }

    @ParameterizedTest
    @EnumSource(TokenEncoding.class)
    void contractionsFoldCaseAsTheRegexDoes(TokenEncoding encoding) {
        // Under UNICODE_CASE "'\u017F" (long s) is a contraction too; every BMP char in every contraction slot.
        Pattern regex = regex(encoding);
        for (char c = 0; c < 0xFFFF; c++) {
            if (Character.isSurrogate(c)) {
                continue;
            }
            for (String text : List.of("'" + c, "'" + c + "e", "'" + c + "l", "'r" + c, "'v" + c, "'l" + c,
                    "A'" + c + "x", "ab'" + c + "E ")) {
                assertSamePieces(encoding, regex, text);
            }
        }
    }

    @Test
    void characterClassesAreTheRegexClassesOnEveryCodePoint() {
        assertSameClass("\\s", PieceChars::isSpace);
        assertSameClass("\\p{L}", PieceChars::isLetter);
        assertSameClass("\\p{N}", PieceChars::isNumber);
        assertSameClass("[^\\s\\p{L}\\p{N}]", PieceChars::isSymbol);
        assertSameClass("[^\\r\\n\\p{L}\\p{N}]", PieceChars::mayLeadWord);
        assertSameClass("[\\p{Lu}\\p{Lt}\\p{Lm}\\p{Lo}\\p{M}]",
                cp -> (PieceChars.category(cp) & PieceChars.UPPER_WORD) != 0);
        assertSameClass("[\\p{Ll}\\p{Lm}\\p{Lo}\\p{M}]", cp -> (PieceChars.category(cp) & PieceChars.LOWER_WORD) != 0);
    }

    @Test
    void theSubtleCutsAreTheRegexOnes() {
        // A space run gives its last space to the word after it; a mark before capitals is a piece of its own in
        // o200k (its first alternative matches the mark alone before the second could take all three).
        assertEquals(List.of("  ", " word"), pieces(TokenEncoding.CL100K_BASE, "   word"));
        assertEquals(List.of(" \n\n", "  ", " x"), pieces(TokenEncoding.CL100K_BASE, " \n\n   x"));
        assertEquals(List.of("\u00A0\u00A0", "\u00A0word"),
                pieces(TokenEncoding.CL100K_BASE, "\u00A0\u00A0\u00A0word"));
        assertEquals(List.of("\u0301", "AB", " x"), pieces(TokenEncoding.O200K_BASE, "\u0301AB x"));
        assertEquals(List.of("I", "'LL", " go"), pieces(TokenEncoding.CL100K_BASE, "I'LL go"));
        assertEquals(List.of("I'LL", " go"), pieces(TokenEncoding.O200K_BASE, "I'LL go"));
    }

    private static List<String> pieces(TokenEncoding encoding, String text) {
        List<String> pieces = new ArrayList<>();
        for (int start = 0, end; start < text.length(); start = end) {
            end = encoding.pieces().pieceEnd(text, start);
            pieces.add(text.substring(start, end));
        }
        return pieces;
    }

    private static Pattern regex(TokenEncoding encoding) {
        return Pattern.compile(encoding.piecePattern(), Pattern.UNICODE_CHARACTER_CLASS);
    }

    // Lone surrogates never reach the splitter: the counter replaces them first.
    private static void assertSamePieces(TokenEncoding encoding, Pattern regex, String raw) {
        String text = BpeTokenCounter.withoutLoneSurrogates(raw);
        Matcher matcher = regex.matcher(text);
        int start = 0;
        while (start < text.length()) {
            assertTrue(matcher.find() && matcher.start() == start, () -> "the regex skips text at " + describe(text));
            int at = start;
            int end = encoding.pieces().pieceEnd(text, start);
            assertEquals(matcher.end(), end, () -> encoding.encodingName() + " cuts the piece at " + at
                    + " elsewhere than the regex in " + describe(text));
            start = end;
        }
        assertTrue(!matcher.find(), () -> "the regex finds more in " + describe(text));
    }

    private static void assertSameClass(String regexClass, IntPredicate predicate) {
        Matcher matcher = Pattern.compile(regexClass, Pattern.UNICODE_CHARACTER_CLASS).matcher("");
        for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
            if (cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE) {
                continue;
            }
            boolean expected = matcher.reset(Character.toString(cp)).matches();
            int at = cp;
            assertEquals(expected, predicate.test(cp), () -> regexClass + " at U+" + Integer.toHexString(at));
        }
    }

    private static String describe(String text) {
        return text.codePoints().limit(200).mapToObj(c -> String.format("U+%04X", c)).toList().toString();
    }

    /**
     * Seeded text from the classes where the patterns are subtle: every White_Space char and its neighbours, line
     * break runs, apostrophes before case variants, letters of each case, marks, digits of other scripts and planes,
     * and a code point of a random general category.
     */
    private static final class TrickyText {

        private static final List<String> ATOMS = List.of(
                "'", "'s", "'S", "'t", "'T", "'re", "'RE", "'Re", "'rE", "'ve", "'VE", "'m", "'M", "'ll", "'LL", "'lL",
                "'d", "'D", "'\u017F", "'x", "''",
                "\r", "\n", "\r\n", "\n\r", "\r\r\n\n", " ", "  ", "\t", "\u00A0", "\u0085", "\u2028", "\u2029",
                "\u3000", "\u000B", "\u000C", "\u180E", "\u200B", "\u001C", "\u001F", "\u202F", "\u2007", "\uFEFF",
                "A", "a", "Z", "z", "\u01C5", "\u02B0", "\u4E2D", "\u00DF", "\u0130", "\u212A",
                "\uD835\uDC00", "\uD835\uDC1A", "\uD801\uDC00", "\uD801\uDC28", "\uD840\uDC00",
                "\u0301", "\u0903", "\u20DD", "\uD834\uDD67", "\u094D",
                "0", "7", "\u0663", "\u096A", "\uD835\uDFCE", "\u216B", "\u00BD", "\u00B2", "\uD800\uDD07", "\u3007",
                "!", "/", "//", "\"", "$", ".", "\uD83D\uDE00", "\u0000", "\u007F", "\uFFFD", "-");

        private final List<List<Integer>> byCategory = new ArrayList<>();

        TrickyText() {
            for (int category = 0; category < 32; category++) {
                byCategory.add(new ArrayList<>());
            }
            for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
                if (Character.getType(cp) != Character.UNASSIGNED && Character.getType(cp) != Character.SURROGATE) {
                    byCategory.get(Character.getType(cp)).add(cp);
                }
            }
            byCategory.removeIf(List::isEmpty);
        }

        String next(Random random) {
            StringBuilder text = new StringBuilder();
            int parts = 1 + random.nextInt(24);
            for (int i = 0; i < parts; i++) {
                if (random.nextInt(4) == 0) {
                    List<Integer> category = byCategory.get(random.nextInt(byCategory.size()));
                    text.appendCodePoint(category.get(random.nextInt(category.size())));
                } else {
                    int repeats = 1 + random.nextInt(random.nextInt(8) == 0 ? 6 : 2);
                    text.append(ATOMS.get(random.nextInt(ATOMS.size())).repeat(repeats));
                }
            }
            return text.toString();
        }
    }
}
