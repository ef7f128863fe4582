package dev.tagrouter.table;

import dev.tagrouter.testing.TinyData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The precomputed table is the JSON table: the same records and the same compiled values; damage is refused. */
class PrecomputedTableCodecTest {

    // The table the function module bundles, and from which its build precomputes the shipped form.
    private static final Path BUNDLED = Path.of("..", "function", "src", "main", "resources", "tagrouter",
            "table.json");

    private final PrecomputedTableCodec codec = new PrecomputedTableCodec();

    @Test
    void theBundledTableReadsBackEqualToItsJsonWithTheSameCompiledValues() throws IOException {
        RoutingTable json = new RoutingTableCodec().read(BUNDLED);
        RoutingTable precomputed = codec.read(bytes(json), "test");
        assertEquals(json, precomputed);
        assertSameCompiledValues(CompiledTable.of(json), CompiledTable.of(precomputed));
    }

    @Test
    void tablesWithAndWithoutPresetsProvenanceAndChecksumReadBackEqual() throws IOException {
        RoutingTable tiny = TinyData.table();
        for (RoutingTable table : List.of(tiny, TinyData.tableWithPresets(), tiny.withChecksum(null),
                new RoutingTable(tiny.format(), tiny.version(), "sha256:x", tiny.scoring(), tiny.decision(), null,
                        tiny.models(), tiny.tags()))) {
            RoutingTable back = codec.read(bytes(table), "test");
            assertEquals(table, back);
            assertSameCompiledValues(CompiledTable.of(table), CompiledTable.of(back));
        }
    }

    @Test
    void theBytesAreTheSameOnEveryWrite() throws IOException {
        RoutingTable json = new RoutingTableCodec().read(BUNDLED);
        RoutingTable again = new RoutingTableCodec().read(BUNDLED);
        assertArrayEquals(bytes(json), bytes(again));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 3, 11, 12, 100, 1_000})
    void aTruncatedFileIsRefusedWithItsOrigin(int cut) throws IOException {
        byte[] file = bytes(TinyData.tableWithPresets());
        byte[] truncated = Arrays.copyOf(file, Math.min(cut, file.length - 1));
        InvalidTableException e = assertThrows(InvalidTableException.class,
                () -> codec.read(truncated, "classpath:t.bin"));
        assertTrue(e.getMessage().startsWith("precomputed routing table classpath:t.bin is truncated"),
                e.getMessage());
    }

    @Test
    void aChangedByteIsRefused() throws IOException {
        byte[] file = bytes(TinyData.tableWithPresets());
        for (int at = 12; at < file.length - 4; at += 7) {
            byte[] changed = file.clone();
            changed[at] ^= 0x10;
            InvalidTableException e = assertThrows(InvalidTableException.class, () -> codec.read(changed, "t.bin"));
            assertEquals("precomputed routing table t.bin is corrupt: its content does not match its CRC-32 checksum",
                    e.getMessage());
        }
    }

    @Test
    void anotherKindOrLayoutOfFileIsRefused() throws IOException {
        byte[] file = bytes(TinyData.table());
        byte[] json = Files.readAllBytes(BUNDLED);
        String notOne = assertThrows(InvalidTableException.class, () -> codec.read(json, "t.bin")).getMessage();
        assertTrue(notOne.startsWith("precomputed routing table t.bin is another kind of file (magic '{?")
                && notOne.endsWith("expected 'TRTABL01')"), notOne);
        byte[] older = file.clone();
        older[7] = '0';
        assertTrue(assertThrows(InvalidTableException.class, () -> codec.read(older, "t.bin")).getMessage()
                .contains("has layout 'TRTABL00', this code reads 'TRTABL01': rebuild the artifact"));
        byte[] padded = Arrays.copyOf(file, file.length + 1);
        assertTrue(assertThrows(InvalidTableException.class, () -> codec.read(padded, "t.bin")).getMessage()
                .contains("is truncated or padded"));
    }

    private byte[] bytes(RoutingTable table) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        codec.write(table, out);
        return out.toByteArray();
    }

    private static void assertSameCompiledValues(CompiledTable expected, CompiledTable actual) {
        assertEquals(expected.modelCount(), actual.modelCount());
        List<TableTag> tags = expected.table().tags();
        for (int m = 0; m < expected.modelCount(); m++) {
            assertEquals(expected.model(m), actual.model(m));
            assertEquals(expected.modelIndex(expected.model(m).name()), actual.modelIndex(actual.model(m).name()));
            assertEquals(Double.doubleToLongBits(expected.prior(m)), Double.doubleToLongBits(actual.prior(m)));
            for (int t = 0; t < tags.size(); t++) {
                assertEquals(t, actual.tagIndex(tags.get(t).name()));
                assertEquals(Double.doubleToLongBits(expected.score(m, new int[]{t})),
                        Double.doubleToLongBits(actual.score(m, new int[]{t})), tags.get(t).name());
            }
            int[] all = expected.knownTags(tags.stream().map(TableTag::name).toList());
            assertEquals(Double.doubleToLongBits(expected.score(m, all)), Double.doubleToLongBits(actual.score(m, all)));
        }
    }
}
