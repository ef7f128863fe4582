package dev.tagrouter.table;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Reads and writes routing tables as JSON with a SHA-256 checksum: the digest of the file exactly as this codec
 * writes it (sorted keys, pretty-printed), with the checksum's own value written as {@code null} and without the
 * final newline. Verifying hashes the file's bytes, so start-up does not serialise the table a second time.
 */
public final class RoutingTableCodec {

    /**
     * Largest table file read: parsing takes about four times its size in heap, and a real table (hundreds of tags,
     * a dozen models) is well under 1 MB.
     */
    public static final int MAX_BYTES = 32 << 20;

    // Sorted properties and map keys make the bytes, and so the checksum, independent of insertion order.
    private final ObjectMapper mapper = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            // A number written as a string ("NaN", "12") is a corrupt table, not something to coerce.
            .withCoercionConfig(LogicalType.Float, c -> c.setCoercion(CoercionInputShape.String, CoercionAction.Fail))
            .withCoercionConfig(LogicalType.Integer, c -> c.setCoercion(CoercionInputShape.String, CoercionAction.Fail))
            .build();

    /** Reads, verifies the checksum of, and validates a table. */
    public RoutingTable read(InputStream in, String origin) {
        RoutingTable table;
        byte[] bytes;
        try {
            bytes = in.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw new InvalidTableException(tooLarge(origin));
            }
            // The format is checked before the records are mapped, so an older table gets a hint, not a field error.
            com.fasterxml.jackson.databind.JsonNode format = mapper.readTree(bytes).path("format");
            if (format.isTextual() && !RoutingTable.FORMAT.equals(format.textValue())) {
                throw new InvalidTableException("routing table " + origin + ": format is '" + format.textValue()
                        + "', expected '" + RoutingTable.FORMAT + "'; rebuild it with ./tagrouter build-table");
            }
            table = mapper.readValue(bytes, RoutingTable.class);
        } catch (IOException | IllegalArgumentException | NullPointerException e) {
            throw new InvalidTableException("routing table " + origin + " is not a valid " + RoutingTable.FORMAT
                    + " file: " + rootMessage(e), e);
        }
        if (table == null) {
            throw new InvalidTableException("routing table " + origin + " is empty");
        }
        String expected = digest(withNullChecksum(bytes, table.checksum()));
        if (!expected.equals(table.checksum())) {
            throw new InvalidTableException("routing table " + origin + " has checksum " + table.checksum()
                    + " but its content hashes to " + expected + ": the file was changed or truncated after it was built");
        }
        new TableValidator().validate(table, origin);
        return table;
    }

    /** The refusal of a table over {@link #MAX_BYTES}. */
    public static String tooLarge(String origin) {
        return "routing table " + origin + " is larger than " + (MAX_BYTES >> 20) + " MB, the most a table may be;"
                + " a table that large is not one build-table writes";
    }

    /** Reads, verifies and validates a table file; the file name is the origin in error messages. */
    public RoutingTable read(java.nio.file.Path file) throws IOException {
        try (InputStream in = java.nio.file.Files.newInputStream(file)) {
            return read(in, file.toString());
        }
    }

    /** Writes the table with a freshly computed checksum and returns the table as written. */
    public RoutingTable write(RoutingTable table, OutputStream out) throws IOException {
        RoutingTable sealed = table.withChecksum(checksum(table));
        out.write(pretty(sealed));
        out.write('\n');
        return sealed;
    }

    /** The checksum the table carries once written: see the class comment. */
    public String checksum(RoutingTable table) {
        return digest(pretty(table.withChecksum(null)));
    }

    private byte[] pretty(RoutingTable table) {
        try {
            return mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(table);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a routing table", e);
        }
    }

    // The checksum is the first key of the sorted top-level object, so its first occurrence is the one to blank.
    private static byte[] withNullChecksum(byte[] file, String checksum) {
        String text = new String(file, StandardCharsets.UTF_8).stripTrailing();
        if (checksum != null) {
            text = text.replaceFirst("\"checksum\" : \"" + java.util.regex.Pattern.quote(checksum) + "\"",
                    java.util.regex.Matcher.quoteReplacement("\"checksum\" : null"));
        }
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String digest(byte[] bytes) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        // Jackson appends the source location on a new line; the first line is the useful part.
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
