package dev.tagrouter.table;

import dev.tagrouter.testing.TinyData;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
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
        assertTrue(e.getMessage().startsWith("routing table test.json is not a valid tagrouter-table/1 file"),
                e.getMessage());
    }

    @Test
    void scoresThatDoNotFollowFromTheCountsAreRejectedEvenWithAValidChecksum() throws IOException {
        RoutingTable table = TinyData.table();
        TableTag first = table.tags().get(0);
        Map<String, Double> scores = new HashMap<>(first.scores());
        scores.replaceAll((model, score) -> score + 1);
        TableTag tampered = new TableTag(first.name(), first.aliases(), first.count(), first.outcomes(), scores);
        java.util.List<TableTag> tags = new java.util.ArrayList<>(table.tags());
        tags.set(0, tampered);
        RoutingTable bad = new RoutingTable(table.format(), table.version(), null, table.scoring(), table.defaultModel(),
                table.provenance(), table.models(), tags);
        InvalidTableException e = assertThrows(InvalidTableException.class, () -> read(write(bad)));
        assertTrue(e.getMessage().contains("does not match"), e.getMessage());
    }

    @Test
    void aDefaultModelOutsideThePoolIsRejected() throws IOException {
        RoutingTable table = TinyData.table();
        RoutingTable bad = new RoutingTable(table.format(), table.version(), null, table.scoring(), "gpt-9",
                table.provenance(), table.models(), table.tags());
        InvalidTableException e = assertThrows(InvalidTableException.class, () -> read(write(bad)));
        assertTrue(e.getMessage().contains("defaultModel 'gpt-9' is not in the pool"), e.getMessage());
    }

    @Test
    void theChecksumDependsOnContentNotOnOrderOfMaps() {
        RoutingTable table = TinyData.table();
        assertTrue(codec.checksum(table).startsWith("sha256:"));
        assertNotEquals(codec.checksum(table), codec.checksum(table.withVersion("other")));
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
