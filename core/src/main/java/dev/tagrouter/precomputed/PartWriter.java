package dev.tagrouter.precomputed;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collection;

/**
 * Writes the values of a precomputed part's payload in the shapes {@link PartReader} reads back with bulk copies:
 * big-endian numbers, strings as UTF-8 with their byte length, and lists as a count, the lengths, then one block.
 */
public final class PartWriter {

    private final DataOutputStream out;

    PartWriter(OutputStream out) {
        this.out = new DataOutputStream(out);
    }

    public void writeInt(int value) throws IOException {
        out.writeInt(value);
    }

    public void writeLong(long value) throws IOException {
        out.writeLong(value);
    }

    /** Exact bits: a value reads back equal, NaN payloads and negative zero included. */
    public void writeDouble(double value) throws IOException {
        out.writeLong(Double.doubleToRawLongBits(value));
    }

    public void writeBoolean(boolean value) throws IOException {
        out.writeByte(value ? 1 : 0);
    }

    public void writeString(String value) throws IOException {
        byte[] bytes = utf8(value);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    /** A string that may be null. */
    public void writeNullable(String value) throws IOException {
        writeBoolean(value != null);
        if (value != null) {
            writeString(value);
        }
    }

    /** Strings in iteration order: the count, every byte length, then all their bytes. */
    public void writeStrings(Collection<String> values) throws IOException {
        byte[][] encoded = new byte[values.size()][];
        int i = 0;
        for (String value : values) {
            encoded[i++] = utf8(value);
        }
        out.writeInt(encoded.length);
        for (byte[] bytes : encoded) {
            out.writeInt(bytes.length);
        }
        for (byte[] bytes : encoded) {
            out.write(bytes);
        }
    }

    public void writeInts(int[] values) throws IOException {
        out.writeInt(values.length);
        for (int value : values) {
            out.writeInt(value);
        }
    }

    public void writeLongs(long[] values) throws IOException {
        out.writeInt(values.length);
        for (long value : values) {
            out.writeLong(value);
        }
    }

    void flush() throws IOException {
        out.flush();
    }

    // A string that UTF-8 cannot carry (a lone surrogate) would read back as another string: refuse it here.
    private static byte[] utf8(String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        if (!new String(bytes, StandardCharsets.UTF_8).equals(value)) {
            throw new IllegalArgumentException("a precomputed part cannot hold a string that is not valid Unicode: "
                    + value.codePoints().limit(40).mapToObj(c -> String.format("U+%04X", c)).toList());
        }
        return bytes;
    }
}
