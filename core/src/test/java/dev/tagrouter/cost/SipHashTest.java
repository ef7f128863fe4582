package dev.tagrouter.cost;

import com.google.common.hash.Hashing;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class SipHashTest {

    @Test
    void equalsGuavasSipHash24OfTheUtf16LeBytes() {
        Random random = new Random(7);
        for (int i = 0; i < 2_000; i++) {
            long k0 = random.nextLong();
            long k1 = random.nextLong();
            // Every length around the 4-unit word boundary, then longer texts of any code units, lone surrogates too.
            int length = i < 40 ? i : random.nextInt(3_000);
            StringBuilder text = new StringBuilder(length);
            for (int c = 0; c < length; c++) {
                text.append((char) random.nextInt(0x10000));
            }
            String s = text.toString();
            long expected = Hashing.sipHash24(k0, k1).hashBytes(utf16le(s)).asLong();
            assertEquals(expected, SipHash.hash(k0, k1, s), "length " + length);
        }
    }

    // String.getBytes would replace a lone surrogate; the hash reads the code units as they are.
    private static byte[] utf16le(String s) {
        byte[] bytes = new byte[2 * s.length()];
        for (int i = 0; i < s.length(); i++) {
            bytes[2 * i] = (byte) s.charAt(i);
            bytes[2 * i + 1] = (byte) (s.charAt(i) >> 8);
        }
        return bytes;
    }

    @Test
    void theKeyChangesTheHash() {
        assertNotEquals(SipHash.hash(1, 2, "the same text"), SipHash.hash(1, 3, "the same text"));
    }
}
