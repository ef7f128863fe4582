package dev.tagrouter.tagging;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Structural signals read from the text: length, pasted code, equations, several questions,
 * numbered steps and explicit size limits ("in 100 words").
 *
 * <p>Everything is a single hand-written scan (no regular expressions), so the cost stays linear
 * and small even for 32k-character inputs.
 */
final class InputSignals {

    /** Texts at least this long get {@code long-input} (about 500 tokens of English). */
    static final int LONG_INPUT_CHARS = 2000;

    private static final int MIN_NUMBERED_STEPS = 3;
    private static final int MIN_CODE_LINES = 2;

    private static final Map<String, Integer> NUMBER_WORDS = Map.ofEntries(
            Map.entry("one", 1), Map.entry("two", 2), Map.entry("three", 3), Map.entry("four", 4),
            Map.entry("five", 5), Map.entry("six", 6), Map.entry("seven", 7), Map.entry("eight", 8),
            Map.entry("nine", 9), Map.entry("ten", 10), Map.entry("twenty", 20), Map.entry("fifty", 50),
            Map.entry("hundred", 100));

    // Normalised (stemmed) units that turn a number into a size or count requirement.
    private static final Set<String> SIZE_UNITS = Set.of(
            "word", "sentence", "paragraph", "character", "line", "bullet", "item", "syllable", "page",
            "example", "idea", "tip", "reason", "way", "step", "question", "name");

    private static final Set<String> CODE_KEYWORDS = Set.of(
            "def", "class", "import", "#include", "function", "const", "var", "let", "return", "package",
            "using", "fn", "func", "public", "private", "protected", "static", "elif", "except", "try",
            "catch", "select", "insert", "update", "delete", "create", "print", "console.log", "echo",
            "sudo", "pip", "npm", "git", "for", "while", "if", "struct", "impl", "#!/bin/bash", "<?php");

    /** Positioned signals found in the text, excluding the whole-text ones. */
    List<Hit> find(String text, NormalizedText words) {
        List<Hit> hits = new ArrayList<>(4);
        int codeAt = codePosition(text);
        if (codeAt >= 0) {
            hits.add(Hit.described("code-in-input", "code at char " + codeAt, codeAt));
        } else {
            // Expressions inside code are mostly indices and loops, not mathematics.
            int math = MathSpotter.find(text);
            if (math >= 0) {
                hits.add(Hit.strong("math", snippet(text, math), math));
            }
        }
        addSizeLimit(text, words, hits);
        addNumberedSteps(text, hits);
        return hits;
    }

    /** Signals about the text as a whole, at the given sort position and after. */
    List<Hit> findWholeText(String text, int position) {
        List<Hit> hits = new ArrayList<>(2);
        if (text.length() >= LONG_INPUT_CHARS) {
            hits.add(Hit.described("long-input", text.length() + " chars", position));
        }
        int questions = countQuestions(text);
        if (questions >= 2) {
            hits.add(Hit.described("multiple-questions", questions + " questions", position + 1));
        }
        return hits;
    }

    private static String snippet(String text, int start) {
        int end = start;
        int limit = Math.min(text.length(), start + 40);
        while (end < limit && text.charAt(end) != '\n' && !(text.charAt(end) == ' ' && end + 1 < limit
                && Character.isLetter(text.charAt(end + 1)) && end + 2 < limit && Character.isLetter(text.charAt(end + 2)))) {
            end++;
        }
        return text.substring(start, Math.max(end, start + 1)).strip();
    }

    private static void addSizeLimit(String text, NormalizedText words, List<Hit> hits) {
        int count = words.wordCount();
        for (int i = 0; i + 1 < count; i++) {
            char c = words.wordFirstChar(i);
            if (!(c >= '0' && c <= '9') && !(c >= 'e' && c <= 't')) {
                continue; // cheap filter before allocating the word
            }
            int number = numberValue(words.word(i));
            if (number < 0) {
                continue;
            }
            String unit = words.word(i + 1);
            if (!SIZE_UNITS.contains(unit)) {
                continue;
            }
            int from = words.wordOriginalStart(i);
            String match = text.substring(from, words.wordOriginalEnd(i + 1));
            hits.add(Hit.strong("constraints", match, from));
            if ((unit.equals("word") && number >= 500) || (unit.equals("page") && number >= 2)
                    || (unit.equals("paragraph") && number >= 5)) {
                hits.add(Hit.strong("long-output", match, from));
            }
            return;
        }
    }

    private static int numberValue(String word) {
        char c = word.charAt(0);
        if (c >= '0' && c <= '9') {
            return word.length() <= 5 ? Integer.parseInt(word) : -1;
        }
        return c >= 'e' && c <= 't' ? NUMBER_WORDS.getOrDefault(word, -1) : -1;
    }

    private static int countQuestions(String text) {
        int count = 0;
        int n = text.length();
        for (int i = text.indexOf('?'); i >= 0; i = text.indexOf('?', i + 1)) {
            boolean runContinues = i + 1 < n && text.charAt(i + 1) == '?';
            // A '?' followed by a letter is usually a URL query string, not a question.
            boolean endsSentence = i + 1 >= n || !Character.isLetterOrDigit(text.charAt(i + 1));
            if (!runContinues && endsSentence) {
                count++;
            }
        }
        return count;
    }

    private static void addNumberedSteps(String text, List<Hit> hits) {
        int count = 0;
        int first = -1;
        int start = 0;
        int n = text.length();
        while (start <= n) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = n;
            }
            if (isNumberedLine(text, start, end)) {
                if (first < 0) {
                    first = start;
                }
                count++;
            }
            start = end + 1;
        }
        if (count >= MIN_NUMBERED_STEPS) {
            hits.add(Hit.described("multi-step-reasoning", count + " numbered steps", first));
        }
    }

    /** "1. ...", "12) ..." or "Step 3" at the start of a line, after at most 8 spaces. */
    private static boolean isNumberedLine(String text, int start, int end) {
        int i = start;
        while (i < end && i - start < 8 && text.charAt(i) == ' ') {
            i++;
        }
        if (text.regionMatches(true, i, "step ", 0, 5)) {
            return i + 5 < end && Character.isDigit(text.charAt(i + 5));
        }
        int digits = 0;
        while (i < end && digits < 3 && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
            i++;
            digits++;
        }
        return digits >= 1 && digits <= 2 && i < end && (text.charAt(i) == '.' || text.charAt(i) == ')');
    }

    /** Start of the first code-like line when the text contains code, else -1. */
    private static int codePosition(String text) {
        int fence = text.indexOf("```");
        if (fence >= 0) {
            return fence;
        }
        int lines = 0;
        int first = -1;
        int start = 0;
        int n = text.length();
        while (start < n) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = n;
            }
            if (looksLikeCode(text, start, end)) {
                if (first < 0) {
                    first = start;
                }
                if (++lines >= MIN_CODE_LINES) {
                    return first;
                }
            }
            start = end + 1;
        }
        return -1;
    }

    private static boolean looksLikeCode(String text, int start, int end) {
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        int len = end - start;
        if (len < 2) {
            return len == 1 && (text.charAt(start) == '}' || text.charAt(start) == '{');
        }
        char last = text.charAt(end - 1);
        if (last == ';' || last == '{' || last == '}') {
            return true;
        }
        int symbols = 0;
        for (int i = start; i < end; i++) {
            switch (text.charAt(i)) {
                case '{', '}', '[', ']', '(', ')', '=', ';', '<', '>', '_' -> symbols++;
                default -> {
                }
            }
        }
        if (symbols == 0) {
            return false;
        }
        if (symbols >= 2 || last == ':' || last == ')') {
            int keyEnd = start;
            while (keyEnd < end && keyEnd - start < 16 && text.charAt(keyEnd) != ' ' && text.charAt(keyEnd) != '(') {
                keyEnd++;
            }
            if (CODE_KEYWORDS.contains(text.substring(start, keyEnd).toLowerCase(java.util.Locale.ROOT))) {
                return true;
            }
        }
        // Dense punctuation ("x = foo(a[i]);") is code; prose rarely has one such symbol per 8 chars.
        return symbols >= 4 && symbols * 8 >= len;
    }
}
