package dev.tagrouter.cost;

/**
 * The character classes of the tiktoken piece patterns as {@code java.util.regex} reads them with
 * {@code Pattern.UNICODE_CHARACTER_CLASS}, and the pattern parts both encodings share: the contractions
 * {@code (?i:'s|'t|'re|'ve|'m|'ll|'d)}, {@code \p{N}{1,3}} and the whitespace tail
 * {@code \s*[\r\n]+|\s+(?!\S)|\s+}.
 */
final class PieceChars {

    private static final int LETTER = 1 << Character.UPPERCASE_LETTER | 1 << Character.LOWERCASE_LETTER
            | 1 << Character.TITLECASE_LETTER | 1 << Character.MODIFIER_LETTER | 1 << Character.OTHER_LETTER;
    private static final int NUMBER = 1 << Character.DECIMAL_DIGIT_NUMBER | 1 << Character.LETTER_NUMBER
            | 1 << Character.OTHER_NUMBER;
    private static final int MARK = 1 << Character.NON_SPACING_MARK | 1 << Character.ENCLOSING_MARK
            | 1 << Character.COMBINING_SPACING_MARK;
    private static final int SEPARATOR = 1 << Character.SPACE_SEPARATOR | 1 << Character.LINE_SEPARATOR
            | 1 << Character.PARAGRAPH_SEPARATOR;

    /** o200k's {@code [\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]}: letters that may start a cased word. */
    static final int UPPER_WORD = 1 << Character.UPPERCASE_LETTER | 1 << Character.TITLECASE_LETTER
            | 1 << Character.MODIFIER_LETTER | 1 << Character.OTHER_LETTER | MARK;
    /** o200k's {@code [\p{Ll}\p{Lm}\p{Lo}\p{M}]}: letters that may continue a cased word. */
    static final int LOWER_WORD = 1 << Character.LOWERCASE_LETTER | 1 << Character.MODIFIER_LETTER
            | 1 << Character.OTHER_LETTER | MARK;

    // Most text is ASCII: its categories come from this table rather than through Character's per-plane data.
    private static final int[] ASCII = new int[128];

    static {
        for (int c = 0; c < ASCII.length; c++) {
            ASCII[c] = 1 << Character.getType(c);
        }
    }

    private PieceChars() {
    }

    /** The general category of {@code cp} as a bit, to test against the masks here. */
    static int category(int cp) {
        return cp < ASCII.length ? ASCII[cp] : 1 << Character.getType(cp);
    }

    static boolean isLetter(int cp) {
        return (category(cp) & LETTER) != 0;
    }

    static boolean isNumber(int cp) {
        return (category(cp) & NUMBER) != 0;
    }

    static boolean isLineBreak(int cp) {
        return cp == '\r' || cp == '\n';
    }

    /**
     * {@code \s} with the flag is the Unicode White_Space property, which is not {@link Character#isWhitespace}: it
     * takes the no-break spaces and U+0085, and leaves out U+001C..U+001F. Every such character is in the BMP.
     */
    static boolean isSpace(int cp) {
        return (cp >= '\t' && cp <= '\r') || cp == ' ' || cp == 0x85 || (cp > 0x7F && (category(cp) & SEPARATOR) != 0);
    }

    /** {@code [^\s\p{L}\p{N}]}: punctuation, symbols, controls, and marks too (a mark is neither L nor N). */
    static boolean isSymbol(int cp) {
        return !isSpace(cp) && (category(cp) & (LETTER | NUMBER)) == 0;
    }

    /** {@code [^\r\n\p{L}\p{N}]}: what may stand before a word (a space, punctuation, a mark...). */
    static boolean mayLeadWord(int cp) {
        return !isLineBreak(cp) && (category(cp) & (LETTER | NUMBER)) == 0;
    }

    /** The end of the run of code points whose category is in {@code categories}, from {@code from}. */
    static int runEnd(String text, int from, int categories) {
        int i = from;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            if ((category(cp) & categories) == 0) {
                break;
            }
            i += Character.charCount(cp);
        }
        return i;
    }

    static int letterRunEnd(String text, int from) {
        return runEnd(text, from, LETTER);
    }

    /** {@code [^\s\p{L}\p{N}]+} from a position known to hold one. */
    static int symbolRunEnd(String text, int from) {
        int i = from;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            if (!isSymbol(cp)) {
                break;
            }
            i += Character.charCount(cp);
        }
        return i;
    }

    /** {@code \p{N}{1,3}} from a position known to hold a number; digits of other planes take two chars. */
    static int numberEnd(String text, int from) {
        int i = from;
        for (int digits = 0; digits < 3 && i < text.length(); digits++) {
            int cp = text.codePointAt(i);
            if (!isNumber(cp)) {
                break;
            }
            i += Character.charCount(cp);
        }
        return i;
    }

    /** The end of {@code (?i:'s|'t|'re|'ve|'m|'ll|'d)} at {@code from}, or -1 when none starts there. */
    static int contractionEnd(String text, int from) {
        int length = text.length();
        if (from + 1 >= length || text.charAt(from) != '\'') {
            return -1;
        }
        char first = text.charAt(from + 1);
        if (caseless(first, 's') || caseless(first, 't') || caseless(first, 'm') || caseless(first, 'd')) {
            return from + 2;
        }
        if (from + 2 >= length) {
            return -1;
        }
        char second = text.charAt(from + 2);
        boolean twoLetters = (caseless(first, 'r') || caseless(first, 'v')) && caseless(second, 'e')
                || caseless(first, 'l') && caseless(second, 'l');
        return twoLetters ? from + 3 : -1;
    }

    /*
     * The flag implies UNICODE_CASE, under which the regex compares a char by its upper case's lower case, so the
     * long s (U+017F) matches 's' as well as 'S' does.
     */
    private static boolean caseless(char c, char lower) {
        return c == lower || Character.toLowerCase(Character.toUpperCase(c)) == lower;
    }

    /**
     * {@code \s*[\r\n]+|\s+(?!\S)|\s+} from a position known to hold white space: up to the last line break of the
     * run if it has one; else the whole run when it ends the text or is one char; else all of it but the last char,
     * which the regex leaves for the piece after it (so " word" keeps its space).
     */
    static int spaceEnd(String text, int from) {
        int end = from;
        int afterBreak = -1;
        while (end < text.length()) {
            char c = text.charAt(end);
            if (!isSpace(c)) {
                break;
            }
            end++;
            if (isLineBreak(c)) {
                afterBreak = end;
            }
        }
        if (afterBreak >= 0) {
            return afterBreak;
        }
        return end == text.length() || end - from == 1 ? end : end - 1;
    }
}
