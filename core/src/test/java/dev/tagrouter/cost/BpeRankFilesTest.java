package dev.tagrouter.cost;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The committed {@code <encoding>.bpe} files are what jtokkit's vocabulary generates today. To regenerate them (after
 * a jtokkit upgrade or a format change):
 * {@code ./mvnw -B -o -pl core verify -Dtest=BpeRankFilesTest -Dtagrouter.regenerate-bpe=true}.
 */
class BpeRankFilesTest {

    @ParameterizedTest
    @EnumSource(TokenEncoding.class)
    void committedRankFileIsCurrent(TokenEncoding encoding) throws IOException {
        List<byte[]> tokens = JtokkitOracle.tokensByRank(encoding);
        ByteArrayOutputStream generated = new ByteArrayOutputStream();
        BpeRanks.write(tokens, generated);
        if (Boolean.getBoolean("tagrouter.regenerate-bpe")) {
            Files.write(Path.of("src/main/resources", encoding.resource()), generated.toByteArray());
        }
        byte[] committed;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(encoding.resource())) {
            assertNotNull(in, encoding.resource() + " is missing: regenerate it (see this test's Javadoc)");
            committed = in.readAllBytes();
        }
        assertArrayEquals(generated.toByteArray(), committed, encoding.resource()
                + " is not what jtokkit's vocabulary generates: regenerate it (see this test's Javadoc)");
    }

    @ParameterizedTest
    @EnumSource(TokenEncoding.class)
    void everyTokenLooksUpToItsRank(TokenEncoding encoding) throws IOException {
        List<byte[]> tokens = JtokkitOracle.tokensByRank(encoding);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BpeRanks.write(tokens, out);
        BpeRanks ranks = BpeRanks.read(new ByteArrayInputStream(out.toByteArray()));
        assertEquals(tokens.size(), ranks.size());
        for (int rank = 0; rank < tokens.size(); rank++) {
            byte[] token = tokens.get(rank);
            assertEquals(rank, ranks.rank(token, 0, token.length));
        }
        byte[] notAToken = "zzqxqzzqxqzzqxq".getBytes();
        assertEquals(BpeRanks.NONE, ranks.rank(notAToken, 0, notAToken.length));
        // Merging asks for pairs most: every two-byte sequence, token or not, inside a longer array.
        Map<Integer, Integer> pairRanks = new HashMap<>();
        for (int rank = 0; rank < tokens.size(); rank++) {
            if (tokens.get(rank).length == 2) {
                pairRanks.put((tokens.get(rank)[0] & 0xFF) << 8 | (tokens.get(rank)[1] & 0xFF), rank);
            }
        }
        for (int pair = 0; pair < 1 << 16; pair++) {
            byte[] text = {'x', (byte) (pair >> 8), (byte) pair, 'y'};
            assertEquals(pairRanks.getOrDefault(pair, BpeRanks.NONE), ranks.rank(text, 1, 3), "pair " + pair);
        }
    }

    @Test
    void aDamagedFileIsRefused() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BpeRanks.write(List.of(new byte[]{'a'}, new byte[]{'b'}, new byte[]{'a', 'b'}), out);
        byte[] whole = out.toByteArray();
        assertThrows(IOException.class, () -> BpeRanks.read(new ByteArrayInputStream(
                Arrays.copyOf(whole, whole.length - 1))));
        byte[] badMagic = whole.clone();
        badMagic[0] ^= 1;
        assertThrows(IOException.class, () -> BpeRanks.read(new ByteArrayInputStream(badMagic)));
    }
}
