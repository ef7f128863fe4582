package dev.tagrouter.tagging;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Seeded texts that hit the rule tagger's matching hard: vocabulary aliases and their words, in and out of order,
 * overlapping and repeated, with case changes, accents, plurals, apostrophes, punctuation, CJK, emoji and lone
 * surrogates between them.
 */
final class TaggingFuzz {

    private static final List<String> NOISE = List.of(" ", "  ", "\n", "\t", ", ", ". ", "? ", "!", "'", "\u2019s",
            "-", "/", "(", ")", "```\n", "c++ ", "C# ", ".NET ", "python3 ", "1. ", "2) ", "Step 3 ", "in 500 words ",
            "Résumé ", "naïve ", "ÉCOLE ", "straße ", "日本語の", "中文", "한국어 ", "Привет ", "مرحبا ", "\uD83D\uDE00",
            "\uD800", "\uDC00", "e\u0301", "x = a[i] + b;\n", "def f(x):\n    return x\n", "the ", "and ", "of ",
            "is ", "der ", "und ", "le ", "la ", "que ");

    private final List<String> aliases;
    private final List<String> words;

    TaggingFuzz(TagVocabulary vocabulary) {
        aliases = new ArrayList<>();
        words = new ArrayList<>();
        for (CanonicalTag tag : vocabulary.tags()) {
            aliases.addAll(tag.aliases());
            aliases.add(tag.name());
            for (String alias : tag.aliases()) {
                words.addAll(List.of(alias.split("\\s+")));
            }
        }
    }

    String next(Random random) {
        StringBuilder text = new StringBuilder();
        int parts = 1 + random.nextInt(random.nextInt(20) == 0 ? 400 : 30);
        for (int i = 0; i < parts; i++) {
            switch (random.nextInt(8)) {
                case 0, 1, 2 -> text.append(variant(aliases.get(random.nextInt(aliases.size())), random)).append(' ');
                case 3, 4 -> text.append(variant(words.get(random.nextInt(words.size())), random)).append(' ');
                case 5 -> text.append(NOISE.get(random.nextInt(NOISE.size())));
                case 6 -> text.appendCodePoint(0x20 + random.nextInt(random.nextBoolean() ? 0x60 : 0x3000));
                default -> text.append((char) random.nextInt(0x10000)); // any UTF-16 unit, surrogates included
            }
        }
        return text.toString();
    }

    private static String variant(String s, Random random) {
        return switch (random.nextInt(6)) {
            case 0 -> s.toUpperCase(Locale.ROOT);
            case 1 -> s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
            case 2 -> s + "s";
            case 3 -> s.replace(' ', random.nextBoolean() ? '-' : '\n');
            default -> s;
        };
    }
}
