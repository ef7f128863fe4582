package dev.tagrouter.cost;

/**
 * Counts the tokens of a tiktoken-style byte-pair encoding: the text is split into the pieces the encoding's pattern
 * finds (by a {@link PieceSplitter}), and each piece's UTF-8 bytes are merged pair by pair, lowest rank first, until
 * no adjacent pair is a token.
 */
final class BpeTokenCounter implements TokenCounter {

    // Pieces up to this many bytes are merged by scanning for the lowest rank, above it through a heap (a long run of
    // letters without spaces would otherwise cost quadratic time).
    private static final int SCAN_LIMIT = 128;

    private final PieceSplitter pieces;
    private final BpeRanks ranks;

    BpeTokenCounter(PieceSplitter pieces, BpeRanks ranks) {
        this.pieces = pieces;
        this.ranks = ranks;
    }

    @Override
    public int count(String text) {
        if (text.isEmpty()) {
            return 0;
        }
        String valid = withoutLoneSurrogates(text);
        Work work = new Work();
        int tokens = 0;
        for (int start = 0, end; start < valid.length(); start = end) {
            end = pieces.pieceEnd(valid, start);
            int length = utf8(valid, start, end, work.bytes(end - start));
            tokens += countPiece(work, length);
        }
        return tokens;
    }

    // The piece's UTF-8 bytes into buffer, without a String or an array per piece; the text has no lone surrogates.
    private static int utf8(String text, int from, int to, byte[] out) {
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                out[n++] = (byte) c;
            } else if (c < 0x800) {
                out[n++] = (byte) (0xC0 | (c >> 6));
                out[n++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isHighSurrogate(c)) {
                int cp = Character.toCodePoint(c, text.charAt(++i));
                out[n++] = (byte) (0xF0 | (cp >> 18));
                out[n++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                out[n++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                out[n++] = (byte) (0x80 | (cp & 0x3F));
            } else {
                out[n++] = (byte) (0xE0 | (c >> 12));
                out[n++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                out[n++] = (byte) (0x80 | (c & 0x3F));
            }
        }
        return n;
    }

    private int countPiece(Work work, int length) {
        byte[] piece = work.bytes;
        if (length == 1 || ranks.rank(piece, 0, length) != BpeRanks.NONE) {
            return 1;
        }
        return length <= SCAN_LIMIT ? mergeByScan(piece, length, work) : mergeByHeap(piece, length);
    }

    // starts[i] is the start of the i-th part (the last entry is the end); pairRank[i] the rank of parts i and i+1.
    private int mergeByScan(byte[] piece, int n, Work work) {
        int[] starts = work.starts;
        int[] pairRank = work.pairRanks;
        for (int i = 0; i <= n; i++) {
            starts[i] = i;
        }
        for (int i = 0; i + 2 <= n; i++) {
            pairRank[i] = ranks.rank(piece, i, i + 2);
        }
        pairRank[n - 1] = BpeRanks.NONE;
        pairRank[n] = BpeRanks.NONE;
        int length = n + 1;
        while (length > 2) {
            int best = BpeRanks.NONE;
            int at = -1;
            for (int i = 0; i < length - 2; i++) {
                if (pairRank[i] < best) {
                    best = pairRank[i];
                    at = i;
                }
            }
            if (at < 0) {
                break;
            }
            pairRank[at] = at + 3 < length ? ranks.rank(piece, starts[at], starts[at + 3]) : BpeRanks.NONE;
            if (at > 0) {
                pairRank[at - 1] = ranks.rank(piece, starts[at - 1], starts[at + 2]);
            }
            System.arraycopy(starts, at + 2, starts, at + 1, length - at - 2);
            System.arraycopy(pairRank, at + 2, pairRank, at + 1, length - at - 2);
            length--;
        }
        return length - 1;
    }

    // The same merges in O(n log n): parts form a linked list over byte positions, candidate pairs sit in a heap keyed
    // by (rank, start), and an entry whose pair has changed since it was pushed is skipped when it comes out.
    private int mergeByHeap(byte[] piece, int n) {
        int[] next = new int[n + 1];
        int[] prev = new int[n + 1];
        for (int i = 0; i <= n; i++) {
            next[i] = i + 1;
            prev[i] = i - 1;
        }
        LongHeap heap = new LongHeap(n);
        for (int i = 0; i + 2 <= n; i++) {
            int rank = ranks.rank(piece, i, i + 2);
            if (rank != BpeRanks.NONE) {
                heap.push(key(rank, i));
            }
        }
        boolean[] merged = new boolean[n + 1];
        int parts = n;
        while (!heap.isEmpty()) {
            long top = heap.pop();
            int rank = (int) (top >>> 32);
            int start = (int) top;
            if (merged[start]) {
                continue;
            }
            int middle = next[start];
            if (middle >= n || ranks.rank(piece, start, next[middle]) != rank) {
                continue;
            }
            // Part `middle` joins part `start`.
            merged[middle] = true;
            int end = next[middle];
            next[start] = end;
            prev[end] = start;
            parts--;
            if (end < n) {
                push(heap, piece, start, next[end]);
            }
            if (start > 0) {
                int before = prev[start];
                push(heap, piece, before, end);
            }
        }
        return parts;
    }

    private void push(LongHeap heap, byte[] piece, int from, int to) {
        int rank = ranks.rank(piece, from, to);
        if (rank != BpeRanks.NONE) {
            heap.push(key(rank, from));
        }
    }

    private static long key(int rank, int start) {
        return ((long) rank << 32) | start;
    }

    // A lone surrogate (a JSON body may carry "\ud800") reaches the model as U+FFFD, so it is counted as one.
    static String withoutLoneSurrogates(String text) {
        StringBuilder fixed = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean paired = Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1));
            if (paired) {
                if (fixed != null) {
                    fixed.append(c).append(text.charAt(i + 1));
                }
                i++;
            } else if (Character.isSurrogate(c)) {
                if (fixed == null) {
                    fixed = new StringBuilder(text.length()).append(text, 0, i);
                }
                fixed.append('\uFFFD');
            } else if (fixed != null) {
                fixed.append(c);
            }
        }
        return fixed == null ? text : fixed.toString();
    }

    /**
     * The arrays one count works in, reused from piece to piece: the piece's UTF-8 bytes and the scan's parts. One per
     * call, since a counter is shared by every request thread.
     */
    private static final class Work {
        private byte[] bytes = new byte[64];
        private final int[] starts = new int[SCAN_LIMIT + 1];
        private final int[] pairRanks = new int[SCAN_LIMIT + 1];

        // Room for a piece of this many UTF-16 units: at most 3 UTF-8 bytes each (a surrogate pair is 2 for 4).
        byte[] bytes(int units) {
            if (bytes.length < 3 * units) {
                bytes = new byte[Math.max(3 * units, bytes.length * 2)];
            }
            return bytes;
        }
    }

    /** A binary min-heap of longs, without boxing. */
    private static final class LongHeap {
        private long[] items;
        private int size;

        LongHeap(int capacity) {
            items = new long[Math.max(16, capacity)];
        }

        boolean isEmpty() {
            return size == 0;
        }

        void push(long item) {
            if (size == items.length) {
                items = java.util.Arrays.copyOf(items, size * 2);
            }
            int i = size++;
            while (i > 0) {
                int parent = (i - 1) >>> 1;
                if (items[parent] <= item) {
                    break;
                }
                items[i] = items[parent];
                i = parent;
            }
            items[i] = item;
        }

        long pop() {
            long top = items[0];
            long last = items[--size];
            int i = 0;
            while (true) {
                int child = 2 * i + 1;
                if (child >= size) {
                    break;
                }
                if (child + 1 < size && items[child + 1] < items[child]) {
                    child++;
                }
                if (items[child] >= last) {
                    break;
                }
                items[i] = items[child];
                i = child;
            }
            items[i] = last;
            return top;
        }
    }
}
