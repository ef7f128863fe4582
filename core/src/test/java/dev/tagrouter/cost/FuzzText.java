package dev.tagrouter.cost;

import java.util.List;
import java.util.Random;

/** Seeded hostile text for tokenizer comparisons: mixed scripts, emoji, code, odd whitespace, lone surrogates. */
final class FuzzText {

    private static final List<String> FRAGMENTS = List.of(
            "Hello", " world", "don't", "I'LL", "we've", " 's", "'re", "it'S", "naïve", "Ünïcödé", "ǅemal",
            "  ", "\t", "\n", "\r\n", "\n\n\n", " \n ", "\u00A0", "\u2028", "\u3000", "\u200B", "\u000B", "\f",
            "12345678", "3.14159", "١٢٣", "Ⅻ", "½", "²",
            "!!!", "...", "?!", " -->", "/*", "*/", "//", "\\n", "{}", "[]", "();", "<|endoftext|>", "'", "\"",
            "def f(x):\n    return x ** 2\n", "for (int i = 0; i < n; i++) { sum += a[i]; }",
            "SELECT * FROM t WHERE id = 42;", "https://example.com/a/b?c=d&e=f", "a/b/c/", "C:\\Users\\x",
            "日本語のテキスト", "中文分词测试", "한국어 문장", "Привет, мир", "مرحبا بالعالم", "שלום", "नमस्ते दुनिया",
            "ภาษาไทย", "Ελληνικά", "e\u0301", "\u0915\u094D\u0937",
            "\uD83D\uDE00", "\uD83D\uDC4D\uD83C\uDFFD", "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67", "\u2764\uFE0F",
            "\uD83C\uDDEB\uD83C\uDDF7", "\uD800", "\uDC00", "\uDBFF", "\uDFFF", "\uFFFD", "\u0000", "\u007F",
            "\uD835\uDC00\uD835\uDC01");

    private FuzzText() {
    }

    static String next(Random random) {
        StringBuilder text = new StringBuilder();
        int parts = 1 + random.nextInt(random.nextInt(10) == 0 ? 200 : 20);
        for (int i = 0; i < parts; i++) {
            switch (random.nextInt(6)) {
                case 0, 1, 2 -> text.append(FRAGMENTS.get(random.nextInt(FRAGMENTS.size())));
                case 3 -> text.appendCodePoint(randomCodePoint(random));
                case 4 -> text.append((char) random.nextInt(0x10000)); // any UTF-16 unit, surrogates included
                default -> text.append(FRAGMENTS.get(random.nextInt(FRAGMENTS.size())).repeat(1 + random.nextInt(40)));
            }
        }
        return text.toString();
    }

    private static int randomCodePoint(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> 0x20 + random.nextInt(0x5F);
            case 1 -> 0xA0 + random.nextInt(0x3000);
            case 2 -> 0x4E00 + random.nextInt(0x5000);
            default -> 0x1F300 + random.nextInt(0x700);
        };
    }
}
