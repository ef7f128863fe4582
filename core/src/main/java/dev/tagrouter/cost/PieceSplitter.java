package dev.tagrouter.cost;

/**
 * Splits text into the pieces a byte-pair encoding merges separately, as its tiktoken pattern would with
 * {@code Matcher.find()}: pieces follow each other without gaps, so each one starts where the last one ended.
 */
interface PieceSplitter {

    /**
     * The end (exclusive) of the piece that starts at {@code start}, which is below {@code text.length()}; the text
     * has no lone surrogates.
     */
    int pieceEnd(String text, int start);
}
