package dev.tagrouter.precomputed;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/** A stream is read whole whatever size it claims: its own, less, more, or none. */
class ResourcesTest {

    @Test
    void readsEveryByteWhateverTheStreamSaysIsAvailable() throws IOException {
        SplittableRandom random = new SplittableRandom(14);
        for (int length : new int[] {0, 1, 8191, 8192, 8193, 100_000}) {
            byte[] content = new byte[length];
            random.nextBytes(content);
            for (int claimed : new int[] {0, 1, length / 2, length, length + 1, length * 2 + 10}) {
                assertArrayEquals(content, Resources.readAll(claiming(content, claimed)),
                        length + " bytes, " + claimed + " claimed");
            }
        }
    }

    private static InputStream claiming(byte[] content, int available) {
        return new ByteArrayInputStream(content) {
            @Override
            public synchronized int available() {
                return available;
            }
        };
    }
}
