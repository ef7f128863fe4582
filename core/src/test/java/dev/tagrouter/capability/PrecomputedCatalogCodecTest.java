package dev.tagrouter.capability;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The precomputed catalog is the JSON catalog, field for field; damage is refused with the file's origin. */
class PrecomputedCatalogCodecTest {

    // The catalog the function module bundles, and from which its build precomputes the shipped form.
    private static final Path BUNDLED = Path.of("..", "function", "src", "main", "resources", "tagrouter",
            "model-catalog.json");

    private final PrecomputedCatalogCodec codec = new PrecomputedCatalogCodec();

    @Test
    void theBundledCatalogReadsBackEqualToItsJson() throws IOException {
        ModelCatalog json = json(Files.readAllBytes(BUNDLED));
        assertTrue(json.models().size() >= 3, "the bundled catalog lists the pool's models: " + json.models());
        ModelCatalog precomputed = codec.read(bytes(json), "test");
        assertEquals(json, precomputed);
        for (String model : json.models().keySet()) {
            assertEquals(json.of(model), precomputed.of(model), model);
        }
    }

    // Every field, each with its unknown and known values: nulls, both booleans, exact price bits, several modalities.
    @Test
    void everyFieldWithAndWithoutAValueReadsBackEqual() throws IOException {
        String text = """
                {"format": "tagrouter-model-catalog/1", "source": "test ünïcode", "snapshotCommit": "abc",
                 "snapshotDate": "2026-01-02", "models": {
                  "a": {"catalogId": "p/a", "contextWindow": 131072, "maxOutputTokens": 16384,
                        "inputModalities": ["text", "image", "pdf"], "attachments": true, "toolCall": true,
                        "structuredOutput": true, "inputUsdPerMTok": 0.1, "outputUsdPerMTok": 0.30000000000000004,
                        "cachedInputUsdPerMTok": 0.025, "encoding": "o200k_base"},
                  "b": {"catalogId": "p/b", "contextWindow": 0, "maxOutputTokens": 0, "inputModalities": [],
                        "attachments": false, "toolCall": false, "structuredOutput": false, "inputUsdPerMTok": null,
                        "outputUsdPerMTok": null, "cachedInputUsdPerMTok": null, "encoding": null},
                  "c": {"catalogId": "p/c", "inputModalities": ["audio"], "structuredOutput": null,
                        "inputUsdPerMTok": 0, "encoding": "cl100k_base"}}}""";
        ModelCatalog json = json(text.getBytes(StandardCharsets.UTF_8));
        assertEquals(Boolean.FALSE, json.models().get("b").structuredOutput());
        assertEquals(null, json.models().get("c").structuredOutput());
        ModelCatalog back = codec.read(bytes(json), "test");
        assertEquals(json, back);
        assertEquals(Double.doubleToRawLongBits(0.30000000000000004),
                Double.doubleToRawLongBits(back.models().get("a").outputUsdPerMTok()));
        assertEquals(Set.of("text", "image", "pdf"), back.models().get("a").inputModalities());
        ModelCatalog empty = codec.read(bytes(ModelCatalog.EMPTY), "test");
        assertEquals(ModelCatalog.EMPTY, empty);
    }

    @Test
    void theBytesAreTheSameOnEveryWrite() throws IOException {
        byte[] once = bytes(json(Files.readAllBytes(BUNDLED)));
        byte[] again = bytes(json(Files.readAllBytes(BUNDLED)));
        assertArrayEquals(once, again);
    }

    @Test
    void aTruncatedChangedOrForeignFileIsRefusedWithItsOrigin() throws IOException {
        byte[] file = bytes(json(Files.readAllBytes(BUNDLED)));
        String cut = assertThrows(IOException.class,
                () -> codec.read(Arrays.copyOf(file, file.length - 1), "classpath:c.bin")).getMessage();
        assertTrue(cut.startsWith("precomputed model catalog classpath:c.bin is truncated"), cut);
        byte[] changed = file.clone();
        changed[file.length / 2] ^= 1;
        assertNotEquals(-1, assertThrows(IOException.class, () -> codec.read(changed, "c.bin")).getMessage()
                .indexOf("does not match its CRC-32"));
        String foreign = assertThrows(IOException.class, () -> codec.read(Files.readAllBytes(BUNDLED), "c.bin"))
                .getMessage();
        assertTrue(foreign.contains("another kind of file"), foreign);
    }

    private static ModelCatalog json(byte[] text) throws IOException {
        try (InputStream in = new ByteArrayInputStream(text)) {
            return new ModelCatalogCodec().read(in);
        }
    }

    private byte[] bytes(ModelCatalog catalog) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        codec.write(catalog, out);
        return out.toByteArray();
    }
}
