package dev.tagrouter.precomputed;

import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Reads a payload {@link PartWriter} wrote, in place over the file's bytes: numbers with {@link ByteBuffer}, arrays
 * with one bulk copy each, strings straight from their UTF-8 bytes. Start-up runs this in the interpreter, so it
 * keeps the number of calls per value small. Every read past the end or count out of range is an {@link IOException}.
 */
public final class PartReader {

    private final ByteBuffer buffer;

    PartReader(ByteBuffer buffer) {
        this.buffer = buffer;
    }

    public int readInt() throws IOException {
        require(Integer.BYTES);
        return buffer.getInt();
    }

    public long readLong() throws IOException {
        require(Long.BYTES);
        return buffer.getLong();
    }

    public double readDouble() throws IOException {
        return Double.longBitsToDouble(readLong());
    }

    public boolean readBoolean() throws IOException {
        require(1);
        byte b = buffer.get();
        if (b != 0 && b != 1) {
            throw new IOException("a boolean byte of " + b);
        }
        return b == 1;
    }

    public String readString() throws IOException {
        int length = count(1);
        String value = new String(buffer.array(), buffer.arrayOffset() + buffer.position(), length,
                StandardCharsets.UTF_8);
        buffer.position(buffer.position() + length);
        return value;
    }

    public String readNullable() throws IOException {
        return readBoolean() ? readString() : null;
    }

    public List<String> readStrings() throws IOException {
        int[] lengths = new int[count(Integer.BYTES)];
        buffer.asIntBuffer().get(lengths);
        buffer.position(buffer.position() + lengths.length * Integer.BYTES);
        String[] values = new String[lengths.length];
        byte[] array = buffer.array();
        int at = buffer.arrayOffset() + buffer.position();
        long total = 0;
        for (int length : lengths) {
            total += length;
            if (length < 0 || total > buffer.remaining()) {
                throw new IOException("strings of " + total + " bytes with " + buffer.remaining() + " left");
            }
        }
        for (int i = 0; i < values.length; i++) {
            values[i] = new String(array, at, lengths[i], StandardCharsets.UTF_8);
            at += lengths[i];
        }
        buffer.position(buffer.position() + (int) total);
        return Arrays.asList(values);
    }

    public int[] readInts() throws IOException {
        int[] values = new int[count(Integer.BYTES)];
        buffer.asIntBuffer().get(values);
        buffer.position(buffer.position() + values.length * Integer.BYTES);
        return values;
    }

    public long[] readLongs() throws IOException {
        long[] values = new long[count(Long.BYTES)];
        buffer.asLongBuffer().get(values);
        buffer.position(buffer.position() + values.length * Long.BYTES);
        return values;
    }

    /** A count of values of at least {@code bytesEach} bytes that follow; more than the bytes left is corrupt. */
    public int count(int bytesEach) throws IOException {
        int n = readInt();
        if (n < 0 || (long) n * bytesEach > buffer.remaining()) {
            throw new IOException("a count of " + n + " values with " + buffer.remaining() + " bytes left");
        }
        return n;
    }

    int remaining() {
        return buffer.remaining();
    }

    private void require(int bytes) throws IOException {
        if (buffer.remaining() < bytes) {
            throw new IOException(new BufferUnderflowException());
        }
    }
}
