package dev.tagrouter.routing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Reads and writes routing tables as JSON, with a SHA-256 checksum over the canonical content. */
public final class RoutingTableCodec {

    // Sorted properties and map keys make the bytes, and so the checksum, independent of insertion order.
    private final ObjectMapper mapper = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    /** Reads, verifies the checksum of, and validates a table. */
    public RoutingTable read(InputStream in, String origin) {
        RoutingTable table;
        try {
            table = mapper.readValue(in, RoutingTable.class);
        } catch (IOException | IllegalArgumentException | NullPointerException e) {
            throw new InvalidTableException("routing table " + origin + " is not a valid " + RoutingTable.FORMAT
                    + " file: " + rootMessage(e), e);
        }
        if (table == null) {
            throw new InvalidTableException("routing table " + origin + " is empty");
        }
        String expected = checksum(table);
        if (!expected.equals(table.checksum())) {
            throw new InvalidTableException("routing table " + origin + " has checksum " + table.checksum()
                    + " but its content hashes to " + expected + ": the file was changed or truncated after it was built");
        }
        new TableValidator().validate(table, origin);
        return table;
    }

    /** Writes the table with a freshly computed checksum and returns the table as written. */
    public RoutingTable write(RoutingTable table, OutputStream out) throws IOException {
        RoutingTable sealed = table.withChecksum(checksum(table));
        out.write(mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(sealed));
        out.write('\n');
        return sealed;
    }

    /** The checksum the table should carry: SHA-256 of its compact canonical JSON with a null checksum. */
    public String checksum(RoutingTable table) {
        try {
            byte[] canonical = mapper.writeValueAsString(table.withChecksum(null)).getBytes(StandardCharsets.UTF_8);
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot compute a table checksum", e);
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
