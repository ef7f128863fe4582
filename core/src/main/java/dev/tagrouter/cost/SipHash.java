package dev.tagrouter.cost;

/**
 * SipHash-2-4 (Aumasson and Bernstein, 2012) of a string's UTF-16LE bytes under a secret 128-bit key.
 *
 * <p>A keyed pseudo-random function rather than a fast unkeyed hash: a caller who could find two texts with the same
 * hash could make the router remember a wrong count for someone else's text.
 */
public final class SipHash {

    private long v0;
    private long v1;
    private long v2;
    private long v3;

    private SipHash(long k0, long k1) {
        v0 = k0 ^ 0x736f6d6570736575L;
        v1 = k1 ^ 0x646f72616e646f6dL;
        v2 = k0 ^ 0x6c7967656e657261L;
        v3 = k1 ^ 0x7465646279746573L;
    }

    /** The 64-bit SipHash-2-4 of the text's UTF-16LE bytes under the key (k0, k1). */
    public static long hash(long k0, long k1, String text) {
        SipHash state = new SipHash(k0, k1);
        int chars = text.length();
        int whole = chars & ~3;
        // Four UTF-16 code units make one little-endian 64-bit word.
        for (int i = 0; i < whole; i += 4) {
            state.compress(text.charAt(i) | (long) text.charAt(i + 1) << 16 | (long) text.charAt(i + 2) << 32
                    | (long) text.charAt(i + 3) << 48);
        }
        // The last word holds the remaining code units, and the length in bytes (mod 256) in its top byte.
        long last = (long) (2 * chars) << 56;
        for (int i = whole, shift = 0; i < chars; i++, shift += 16) {
            last |= (long) text.charAt(i) << shift;
        }
        state.compress(last);
        return state.finish();
    }

    private void compress(long word) {
        v3 ^= word;
        round();
        round();
        v0 ^= word;
    }

    private long finish() {
        v2 ^= 0xff;
        for (int r = 0; r < 4; r++) {
            round();
        }
        return v0 ^ v1 ^ v2 ^ v3;
    }

    private void round() {
        v0 += v1;
        v1 = Long.rotateLeft(v1, 13) ^ v0;
        v0 = Long.rotateLeft(v0, 32);
        v2 += v3;
        v3 = Long.rotateLeft(v3, 16) ^ v2;
        v0 += v3;
        v3 = Long.rotateLeft(v3, 21) ^ v0;
        v2 += v1;
        v1 = Long.rotateLeft(v1, 17) ^ v2;
        v2 = Long.rotateLeft(v2, 32);
    }
}
