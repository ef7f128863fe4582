package dev.tagrouter.table;

import dev.tagrouter.testing.TinyData;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RoutingTableCodecTest {

    private final RoutingTableCodec codec = new RoutingTableCodec();

    @Test
    void aChangedByteBreaksTheChecksum() throws IOException {
        String json = write(TinyData.table()).replace("\"wins\" : 8", "\"wins\" : 9");
        InvalidTableException e = assertThrows(InvalidTableException.class, () -> read(json));
        assertTrue(e.getMessage().contains("the file was changed or truncated"), e.getMessage());
    }

    @Test
    void aTruncatedFileIsRejectedWithItsOrigin() throws IOException {
        String json = write(TinyData.table());
        InvalidTableException e = assertThrows(InvalidTableException.class,
                () -> read(json.substring(0, json.length() / 2)));
        assertTrue(e.getMessage().startsWith("routing table test.json is not a valid tagrouter-table/2 file"),
                e.getMessage());
    }

    @Test
    void aChangedPresetBreaksTheChecksum() throws IOException {
        String json = write(TinyData.tableWithPresets());
        assertTrue(json.contains("\"costPreference\" : -0.5,"), json);
        String tampered = json.replace("\"costPreference\" : -0.5,", "\"costPreference\" : -0.4,");
        InvalidTableException e = assertThrows(InvalidTableException.class, () -> read(tampered));
        assertTrue(e.getMessage().contains("the file was changed or truncated"), e.getMessage());
    }

    @Test
    void outcomesThatCannotFollowFromTheDataAreRejectedEvenWithAValidChecksum() throws IOException {
        RoutingTable table = TinyData.table();
        TableTag first = table.tags().get(0);
        TableTag tooFew = new TableTag(first.name(), first.aliases(), 1, first.outcomes());
        InvalidTableException e = assertThrows(InvalidTableException.class, () -> read(write(withTag(table, tooFew))));
        assertTrue(e.getMessage().contains("but the tag was seen only 1 times"), e.getMessage());

        Map<String, OutcomeCounts> outcomes = new HashMap<>(first.outcomes());
        outcomes.put("gpt-9", new OutcomeCounts(1, 0, 0));
        TableTag stranger = new TableTag(first.name(), first.aliases(), first.count(), outcomes);
        e = assertThrows(InvalidTableException.class, () -> read(write(withTag(table, stranger))));
        assertTrue(e.getMessage().contains("has outcomes for unknown model 'gpt-9'"), e.getMessage());
    }

    @Test
    void aDefaultPresetThatIsNoPresetIsRejected() throws IOException {
        String json = write(TinyData.tableWithPresets());
        assertTrue(json.contains("\"defaultPreset\" : \"quality\""), json);
        String bad = json.replace("\"defaultPreset\" : \"quality\"", "\"defaultPreset\" : \"frugal\"");
        InvalidTableException e = assertThrows(InvalidTableException.class, () -> read(bad));
        assertTrue(e.getMessage().contains("defaultPreset 'frugal' is not one of the presets"), e.getMessage());
    }

    @Test
    void anEmptyPoolIsRejected() throws IOException {
        RoutingTable table = TinyData.table();
        RoutingTable empty = new RoutingTable(table.format(), table.version(), null, table.scoring(), table.decision(),
                table.provenance(), List.of(), List.of());
        InvalidTableException e = assertThrows(InvalidTableException.class, () -> read(write(empty)));
        assertTrue(e.getMessage().contains("the model pool is empty"), e.getMessage());
    }

    @Test
    void theChecksumDependsOnContentNotOnOrderOfMaps() {
        RoutingTable table = TinyData.table();
        assertTrue(codec.checksum(table).startsWith("sha256:"));
        assertNotEquals(codec.checksum(table), codec.checksum(table.withVersion("other")));
    }

    private static RoutingTable withTag(RoutingTable table, TableTag tag) {
        List<TableTag> tags = new ArrayList<>(table.tags());
        tags.replaceAll(t -> t.name().equals(tag.name()) ? tag : t);
        return new RoutingTable(table.format(), table.version(), null, table.scoring(), table.decision(),
                table.provenance(), table.models(), tags);
    }

    private String write(RoutingTable table) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        codec.write(table, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private RoutingTable read(String json) {
        return codec.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "test.json");
    }
}
