package dev.tagrouter.tagging;

import java.util.Set;

/**
 * Turns text into a canonical lowercase word sequence so that aliases and queries compare equal.
 *
 * <p>Steps, applied identically to vocabulary aliases and to query text:
 * <ul>
 *   <li>case folding, and accents of Latin letters removed ("Résumé" becomes "resume");</li>
 *   <li>apostrophes inside words are dropped ("don't" becomes "dont", "Python's" becomes "pythons");</li>
 *   <li>every other non letter/digit becomes a word break, and letters and digits are split into
 *       separate words ("python3" becomes "python 3"); "c++", "g++" become "cpp", "gpp", a single
 *       letter followed by '#' becomes "csharp"/"fsharp", and ".net" becomes "dotnet";</li>
 *   <li>each Han or kana character is a word of its own, since those scripts do not use spaces;</li>
 *   <li>conservative plural stemming: "-ies"/"-ie" become "-y", "-ches", "-shes", "-sses", "-xes" and
 *       long "-oes" lose "-es", a final "-s" is dropped unless the word ends in "ss", "us" or "is"
 *       or is a known exception ("news", "series", ...). Nothing else ("-ing", "-ed") is stemmed,
 *       because doing it without a dictionary merges unrelated words; list inflected aliases instead.</li>
 * </ul>
 * Words are joined by single spaces. Lone surrogates and control characters are word breaks.
 */
public final class TextNormalizer {

    // Plurals whose stem would collide with a different, common word, or that are not plurals.
    private static final Set<String> NO_STEM = Set.of(
            "news", "series", "species", "windows", "christmas", "texas", "canvas", "atlas", "alias",
            "bias", "lens", "always", "perhaps", "whereas", "kansas", "arkansas", "towards", "besides");

    /** First code point of {@link #LATIN_FOLD}. */
    static final int LATIN_FOLD_FROM = 0xC0;

    /**
     * The base letter of each Latin letter with a diacritic from U+00C0 to U+024F ('.' for none): what the letter's
     * canonical decomposition (NFD) starts with, lowercased, when that is an ASCII letter. Written out rather than
     * computed with {@link java.text.Normalizer}, whose first use costs a cold start 10-20 ms of loading Unicode data;
     * {@code TextNormalizerTest} derives it with the Normalizer and compares.
     */
    static final String LATIN_FOLD = ""
            + "aaaaaa.ceeeeiiii.nooooo..uuuuy..aaaaaa.ceeeeiiii.nooooo..uuuuy.y" // U+00C0
            + "aaaaaaccccccccdd..eeeeeeeeeegggggggghh..iiiiiiiii...jjkk.llllll." // U+0100
            + "...nnnnnn...oooooo..rrrrrrsssssssstttt..uuuuuuuuuuuuwwyyyzzzzzz." // U+0140
            + "................................oo.............uu..............." // U+0180
            + ".............aaiioouuuuuuuuuu.aaaa....ggkkoooo..j...gg..nnaa...." // U+01C0
            + "aaaaeeeeiiiioooorrrruuuusstt..hh......aaeeooooooooyy............" // U+0200
            + "................"; // U+0240

    private TextNormalizer() {
    }

    /** Returns the normalised form of the text: lowercase stemmed words separated by single spaces. */
    public static String normalize(String text) {
        return tokenize(text).text();
    }

    /** Normalises the text and remembers which span of the original text produced each word. */
    static NormalizedText tokenize(String text) {
        if (text == null || text.isEmpty()) {
            return NormalizedText.EMPTY;
        }
        int n = text.length();
        NormalizedText.Builder out = new NormalizedText.Builder(n);
        StringBuilder word = new StringBuilder(32);
        int i = 0;
        while (i < n) {
            char first = text.charAt(i);
            if (first < 0x80 && !isAsciiAlnum(first)) {
                i++;
                continue;
            }
            int cp = text.codePointAt(i);
            int width = Character.charCount(cp);
            if (isSingleCharWord(cp)) {
                word.setLength(0);
                word.appendCodePoint(cp);
                out.add(word, i, i + width);
                i += width;
                continue;
            }
            if (!isWordChar(cp)) {
                i += width;
                continue;
            }
            int start = i;
            boolean digits = Character.isDigit(cp);
            word.setLength(0);
            while (i < n) {
                char ch = text.charAt(i);
                if (ch < 0x80 && ch != '\'') {
                    // ASCII fast path: most text is plain ASCII
                    boolean digit = ch >= '0' && ch <= '9';
                    if (!isAsciiAlnum(ch) || digit != digits) {
                        break;
                    }
                    word.append((char) (ch >= 'A' && ch <= 'Z' ? ch + 32 : ch));
                    i++;
                    continue;
                }
                int c = text.codePointAt(i);
                int w = Character.charCount(c);
                if (isApostrophe(c) && !digits && i > start && i + 1 < n && Character.isLetter(text.codePointAt(i + 1))) {
                    i += w;
                    continue;
                }
                if (!isWordChar(c) || isSingleCharWord(c) || Character.isDigit(c) != digits) {
                    break;
                }
                appendFolded(word, c);
                i += w;
            }
            int end = i;
            if (!digits && end < n) {
                if (text.startsWith("++", end)) {
                    word.append("pp");
                    end += 2;
                    i = end;
                } else if (text.charAt(end) == '#' && word.length() == 1) {
                    word.append("sharp");
                    end += 1;
                    i = end;
                }
            }
            if (word.length() == 0) {
                continue; // only combining marks were dropped
            }
            if (isDotNet(text, start, word)) {
                word.setLength(0);
                word.append("dotnet");
                start -= 1;
            }
            stem(word);
            out.add(word, start, end);
        }
        return out.build();
    }

    private static boolean isDotNet(String text, int start, StringBuilder word) {
        if (start == 0 || text.charAt(start - 1) != '.' || word.length() != 3
                || word.charAt(0) != 'n' || word.charAt(1) != 'e' || word.charAt(2) != 't') {
            return false;
        }
        return start - 1 == 0 || !Character.isLetterOrDigit(text.charAt(start - 2));
    }

    private static boolean isAsciiAlnum(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    private static boolean isApostrophe(int cp) {
        return cp == '\'' || cp == '\u2019';
    }

    private static boolean isWordChar(int cp) {
        if (Character.isLetterOrDigit(cp)) {
            return true;
        }
        int type = Character.getType(cp);
        // Marks carry vowels in Indic scripts and must stay inside the word.
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK;
    }

    private static boolean isSingleCharWord(int cp) {
        return Character.isIdeographic(cp) || (cp >= 0x3040 && cp <= 0x30FF);
    }

    private static void appendFolded(StringBuilder word, int cp) {
        if (cp < 0x80) {
            word.append((char) (cp >= 'A' && cp <= 'Z' ? cp + 32 : cp));
            return;
        }
        if (cp >= 0x0300 && cp <= 0x036F) {
            return; // combining accents on Latin letters, e.g. from NFD input
        }
        int lower = Character.toLowerCase(cp);
        if (lower == 0x00DF) {
            word.append("ss");
        } else if (lower >= LATIN_FOLD_FROM && lower < LATIN_FOLD_FROM + LATIN_FOLD.length()
                && LATIN_FOLD.charAt(lower - LATIN_FOLD_FROM) != '.') {
            word.append(LATIN_FOLD.charAt(lower - LATIN_FOLD_FROM));
        } else {
            word.appendCodePoint(lower);
        }
    }

    /** Strips plural endings in place; see the class comment for the rules. */
    static void stem(StringBuilder w) {
        int len = w.length();
        if (len <= 3 || !isAsciiLetters(w)) {
            return;
        }
        if (w.charAt(len - 1) == 's' && NO_STEM.contains(w.toString())) {
            return;
        }
        if (len >= 5 && endsWith(w, "ies")) {
            w.setLength(len - 3);
            w.append('y');
        } else if (endsWith(w, "ie")) {
            w.setLength(len - 2);
            w.append('y');
        } else if (endsWith(w, "sses") || endsWith(w, "ches") || endsWith(w, "shes") || endsWith(w, "xes")
                || (len >= 6 && endsWith(w, "oes"))) {
            w.setLength(len - 2);
        } else if (endsWith(w, "che")) {
            w.setLength(len - 1); // so that "cache" and "caches" meet at "cach"
        } else if (w.charAt(len - 1) == 's' && !endsWith(w, "ss") && !endsWith(w, "us") && !endsWith(w, "is")) {
            w.setLength(len - 1);
        }
    }

    private static boolean isAsciiLetters(CharSequence w) {
        for (int i = 0; i < w.length(); i++) {
            char c = w.charAt(i);
            if (c < 'a' || c > 'z') {
                return false;
            }
        }
        return true;
    }

    private static boolean endsWith(StringBuilder w, String suffix) {
        int off = w.length() - suffix.length();
        if (off < 0) {
            return false;
        }
        for (int i = 0; i < suffix.length(); i++) {
            if (w.charAt(off + i) != suffix.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
