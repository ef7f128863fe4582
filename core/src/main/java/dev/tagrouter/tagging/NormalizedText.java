package dev.tagrouter.tagging;

import java.util.Arrays;

/** Normalised text plus, for each of its words, the span of the original text it came from. */
final class NormalizedText {

    static final NormalizedText EMPTY = new NormalizedText("", new int[0], new int[0], new int[0]);

    private final String text;
    private final int[] wordStarts;
    private final int[] originalStarts;
    private final int[] originalEnds;

    private NormalizedText(String text, int[] wordStarts, int[] originalStarts, int[] originalEnds) {
        this.text = text;
        this.wordStarts = wordStarts;
        this.originalStarts = originalStarts;
        this.originalEnds = originalEnds;
    }

    String text() {
        return text;
    }

    int wordCount() {
        return wordStarts.length;
    }

    /** The i-th normalised word. */
    String word(int i) {
        int end = i + 1 < wordStarts.length ? wordStarts[i + 1] - 1 : text.length();
        return text.substring(wordStarts[i], end);
    }

    /** First character of the i-th normalised word, without allocating. */
    char wordFirstChar(int i) {
        return text.charAt(wordStarts[i]);
    }

    int wordOriginalStart(int i) {
        return originalStarts[i];
    }

    int wordOriginalEnd(int i) {
        return originalEnds[i];
    }

    /** Accumulates words; not thread-safe, used only while normalising one text. */
    static final class Builder {
        private final StringBuilder text;
        private int[] wordStarts = new int[16];
        private int[] originalStarts = new int[16];
        private int[] originalEnds = new int[16];
        private int count;

        Builder(int expectedChars) {
            this.text = new StringBuilder(Math.min(expectedChars, 1 << 16));
        }

        void add(CharSequence word, int originalStart, int originalEnd) {
            if (count == wordStarts.length) {
                int size = count * 2;
                wordStarts = Arrays.copyOf(wordStarts, size);
                originalStarts = Arrays.copyOf(originalStarts, size);
                originalEnds = Arrays.copyOf(originalEnds, size);
            }
            if (count > 0) {
                text.append(' ');
            }
            wordStarts[count] = text.length();
            originalStarts[count] = originalStart;
            originalEnds[count] = originalEnd;
            count++;
            text.append(word);
        }

        NormalizedText build() {
            if (count == 0) {
                return EMPTY;
            }
            return new NormalizedText(text.toString(), Arrays.copyOf(wordStarts, count),
                    Arrays.copyOf(originalStarts, count), Arrays.copyOf(originalEnds, count));
        }
    }
}
