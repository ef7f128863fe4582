package dev.tagrouter.cost;

import static dev.tagrouter.cost.PieceChars.contractionEnd;
import static dev.tagrouter.cost.PieceChars.isLetter;
import static dev.tagrouter.cost.PieceChars.isLineBreak;
import static dev.tagrouter.cost.PieceChars.isNumber;
import static dev.tagrouter.cost.PieceChars.isSymbol;
import static dev.tagrouter.cost.PieceChars.letterRunEnd;
import static dev.tagrouter.cost.PieceChars.mayLeadWord;

/**
 * The pieces of cl100k_base without a regex: what {@code (?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|
 * \p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+} finds with {@code UNICODE_CHARACTER_CLASS}.
 * Each branch below is one alternative, in the pattern's order, because the first alternative that matches wins.
 */
final class Cl100kPieces implements PieceSplitter {

    @Override
    public int pieceEnd(String text, int start) {
        int contraction = contractionEnd(text, start);
        if (contraction >= 0) {
            return contraction;
        }
        int first = text.codePointAt(start);
        int second = start + Character.charCount(first);
        boolean hasSecond = second < text.length();
        if (isLetter(first)) {
            return letterRunEnd(text, second);
        }
        if (mayLeadWord(first) && hasSecond && isLetter(text.codePointAt(second))) {
            return letterRunEnd(text, second);
        }
        if (isNumber(first)) {
            return PieceChars.numberEnd(text, start);
        }
        // " ?[^\s\p{L}\p{N}]+": the space is taken only when a symbol follows it.
        int symbols = isSymbol(first) ? start
                : first == ' ' && hasSecond && isSymbol(text.codePointAt(second)) ? second : -1;
        if (symbols >= 0) {
            int end = PieceChars.symbolRunEnd(text, symbols);
            while (end < text.length() && isLineBreak(text.charAt(end))) {
                end++;
            }
            return end;
        }
        return PieceChars.spaceEnd(text, start);
    }
}
