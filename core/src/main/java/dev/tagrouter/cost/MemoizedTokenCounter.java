package dev.tagrouter.cost;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A token counter that remembers the counts of the long texts it has counted: a conversation resends all its earlier
 * turns with every request, and counting them again is most of the work of routing a long conversation.
 *
 * <p>No text is kept: a slot holds the high 40 bits of the text's keyed {@link SipHash} and its count in the low 24,
 * in one long, so a slot is read and written whole without locks. The table is direct-mapped (a new text takes the
 * slot of the one before); a wrong count needs two texts to agree on 40 bits of a keyed hash whose key the caller
 * never sees.
 */
public final class MemoizedTokenCounter implements TokenCounter {

    /**
     * Slots of the default table, 512 KiB: a request adds about two texts (the new user turn and the answer before
     * it), so a process serving 100 requests a second still remembers a conversation's turns for minutes.
     */
    public static final int DEFAULT_SLOTS = 1 << 16;

    /** Shorter texts are counted again: counting them costs about as much as hashing and looking them up. */
    public static final int MIN_CHARS = 32;

    private static final int COUNT_BITS = 24;
    private static final long COUNT_MASK = (1L << COUNT_BITS) - 1;

    private final TokenCounter counter;
    private final AtomicLongArray slots;
    private final int mask;
    private final long k0;
    private final long k1;

    /**
     * @param slots  a power of two between 1 and 2^24
     * @param k0, k1 the hash key; a secret from a secure random source, so callers cannot aim at a slot
     */
    public MemoizedTokenCounter(TokenCounter counter, int slots, long k0, long k1) {
        if (slots < 1 || slots > 1 << COUNT_BITS || Integer.bitCount(slots) != 1) {
            throw new IllegalArgumentException("slots must be a power of two between 1 and " + (1 << COUNT_BITS)
                    + ", got " + slots);
        }
        this.counter = counter;
        this.slots = new AtomicLongArray(slots);
        this.mask = slots - 1;
        this.k0 = k0;
        this.k1 = k1;
    }

    @Override
    public int count(String text) {
        if (text.length() < MIN_CHARS) {
            return counter.count(text);
        }
        long hash = SipHash.hash(k0, k1, text);
        int slot = (int) hash & mask;
        long check = hash & ~COUNT_MASK;
        long entry = slots.getOpaque(slot);
        if (entry != 0 && (entry & ~COUNT_MASK) == check) {
            return (int) (entry & COUNT_MASK);
        }
        int count = counter.count(text);
        // A count that does not fit is not kept; such a text is far beyond any request limit anyway.
        if (count > 0 && count <= COUNT_MASK) {
            slots.setOpaque(slot, check | count);
        }
        return count;
    }
}
