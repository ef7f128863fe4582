package dev.tagrouter.cost;

import static dev.tagrouter.cost.PieceChars.LOWER_WORD;
import static dev.tagrouter.cost.PieceChars.UPPER_WORD;
import static dev.tagrouter.cost.PieceChars.category;
import static dev.tagrouter.cost.PieceChars.contractionEnd;
import static dev.tagrouter.cost.PieceChars.isNumber;
import static dev.tagrouter.cost.PieceChars.isSymbol;
import static dev.tagrouter.cost.PieceChars.mayLeadWord;

/**
 * The pieces of o200k_base without a regex: what {@code
 * [^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]*[\p{Ll}\p{Lm}\p{Lo}\p{M}]+(?i:'s|'t|'re|'ve|'m|'ll|'d)?|
 * [^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]+[\p{Ll}\p{Lm}\p{Lo}\p{M}]*(?i:'s|'t|'re|'ve|'m|'ll|'d)?|
 * \p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n/]*|\s*[\r\n]+|\s+(?!\S)|\s+} finds with {@code UNICODE_CHARACTER_CLASS}.
 * The branches follow the pattern's order, because the first alternative that matches wins.
 */
final class O200kPieces implements PieceSplitter {

    @Override
    public int pieceEnd(String text, int start) {
        int first = text.codePointAt(start);
        int second = start + Character.charCount(first);
        // The optional lead is tried taken, then left out, before the next alternative: a mark is both a lead and
        // part of a word, so "\u0301AB" is the mark alone by the first alternative, not all three by the second.
        boolean lead = mayLeadWord(first);
        int end;
        if (lead && (end = lowerWordEnd(text, second)) >= 0) {
            return end;
        }
        if ((end = lowerWordEnd(text, start)) >= 0) {
            return end;
        }
        if (lead && (end = upperWordEnd(text, second)) >= 0) {
            return end;
        }
        if ((end = upperWordEnd(text, start)) >= 0) {
            return end;
        }
        if (isNumber(first)) {
            return PieceChars.numberEnd(text, start);
        }
        int symbols = isSymbol(first) ? start
                : first == ' ' && second < text.length() && isSymbol(text.codePointAt(second)) ? second : -1;
        if (symbols >= 0) {
            end = PieceChars.symbolRunEnd(text, symbols);
            while (end < text.length() && isLineBreakOrSlash(text.charAt(end))) {
                end++;
            }
            return end;
        }
        return PieceChars.spaceEnd(text, start);
    }

    /**
     * {@code [upper]*[lower]+} plus a contraction from {@code from}, or -1. The starred run is greedy and gives back
     * one code point at a time until a lower-class one follows: past the run when the next is lower case (Ll), else
     * right after the run's last code point that is in both classes (Lm, Lo or a mark).
     */
    private static int lowerWordEnd(String text, int from) {
        int i = from;
        int afterBoth = -1;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            int category = category(cp);
            if ((category & UPPER_WORD) == 0) {
                break;
            }
            i += Character.charCount(cp);
            if ((category & LOWER_WORD) != 0) {
                afterBoth = i;
            }
        }
        int end;
        if (i < text.length() && (category(text.codePointAt(i)) & LOWER_WORD) != 0) {
            end = PieceChars.runEnd(text, i, LOWER_WORD);
        } else if (afterBoth >= 0) {
            end = afterBoth;
        } else {
            return -1;
        }
        return withContraction(text, end);
    }

    /** {@code [upper]+[lower]*} plus a contraction from {@code from}, or -1; nothing after it can fail. */
    private static int upperWordEnd(String text, int from) {
        int upper = PieceChars.runEnd(text, from, UPPER_WORD);
        if (upper == from) {
            return -1;
        }
        return withContraction(text, PieceChars.runEnd(text, upper, LOWER_WORD));
    }

    private static int withContraction(String text, int end) {
        int contraction = contractionEnd(text, end);
        return contraction >= 0 ? contraction : end;
    }

    private static boolean isLineBreakOrSlash(char c) {
        return c == '\r' || c == '\n' || c == '/';
    }
}
