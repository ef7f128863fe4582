package dev.tagrouter.cost;

import dev.tagrouter.precomputed.Resources;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

/**
 * The rank of every token of a byte-pair encoding, in a precomputed form that loads with a few bulk copies: the
 * tokens' bytes in rank order and an open-addressing hash table over them, both written at build time by
 * {@link #write}, so that start-up parses and hashes nothing.
 *
 * <p>Layout (little-endian): magic {@code TRBPE001}, token count n, table size (a power of two), the table (rank + 1
 * per slot, 0 for an empty slot, linear probing), n + 1 byte offsets, then the tokens' bytes.
 */
final class BpeRanks {

    static final int NONE = Integer.MAX_VALUE;

    private static final long MAGIC = 0x5452_4250_4530_3031L; // "TRBPE001" as a big-endian long

    private static final int HEADER = 16;
    // Reads the file's little-endian ints in place: loading is one read of the resource, nothing is decoded.
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

    private final byte[] data;
    private final int count;
    private final int mask;
    private final int offsetsAt;
    private final int bytesAt;

    private BpeRanks(byte[] data, int count, int tableSize) {
        this.data = data;
        this.count = count;
        this.mask = tableSize - 1;
        this.offsetsAt = HEADER + tableSize * Integer.BYTES;
        this.bytesAt = offsetsAt + (count + 1) * Integer.BYTES;
    }

    int size() {
        return count;
    }

    /** The rank of {@code text[from, to)}, or {@link #NONE} when that byte sequence is not a token. */
    int rank(byte[] text, int from, int to) {
        int length = to - from;
        for (int i = hash(text, from, to) & mask; ; i = (i + 1) & mask) {
            int slot = (int) INT.get(data, HEADER + i * Integer.BYTES);
            if (slot == 0) {
                return NONE;
            }
            int rank = slot - 1;
            int start = offset(rank);
            if (offset(rank + 1) - start == length && sameBytes(text, from, bytesAt + start, length)) {
                return rank;
            }
        }
    }

    // Tokens are a few bytes long: on them a plain loop beats Arrays.equals, whose range checks and vectorised set-up
    // cost more than the compare (6% of GatewayBenchmark.countTokens, JMH back to back).
    private boolean sameBytes(byte[] text, int from, int at, int length) {
        for (int i = 0; i < length; i++) {
            if (text[from + i] != data[at + i]) {
                return false;
            }
        }
        return true;
    }

    private int offset(int rank) {
        return (int) INT.get(data, offsetsAt + rank * Integer.BYTES);
    }

    // FNV-1a with a final mix: the writer and the reader must agree on it, so it lives here once.
    static int hash(byte[] text, int from, int to) {
        int h = 0x811C9DC5;
        for (int i = from; i < to; i++) {
            h = (h ^ (text[i] & 0xFF)) * 0x01000193;
        }
        h ^= h >>> 16;
        h *= 0x85EBCA6B;
        return h ^ (h >>> 13);
    }

    /** Reads the form {@link #write} produced, checking its header and its length. */
    static BpeRanks read(InputStream in) throws IOException {
        byte[] data = Resources.readAll(in);
        if (data.length < HEADER || (int) INT.get(data, 0) != (int) MAGIC
                || (int) INT.get(data, 4) != (int) (MAGIC >>> 32)) {
            throw new IOException("not a tagrouter BPE rank file (bad magic)");
        }
        int count = (int) INT.get(data, 8);
        int tableSize = (int) INT.get(data, 12);
        if (count <= 0 || tableSize < count || Integer.bitCount(tableSize) != 1
                || (long) HEADER + ((long) tableSize + count + 1) * Integer.BYTES > data.length) {
            throw new IOException("corrupt BPE rank file: " + count + " tokens, table of " + tableSize);
        }
        BpeRanks ranks = new BpeRanks(data, count, tableSize);
        if ((long) ranks.bytesAt + ranks.offset(count) != data.length) {
            throw new IOException("corrupt BPE rank file: the token bytes do not match their offsets");
        }
        return ranks;
    }

    /** Writes the tokens (index = rank) in the form {@link #read} loads; the table is kept at most half full. */
    static void write(List<byte[]> tokensByRank, OutputStream out) throws IOException {
        int count = tokensByRank.size();
        int tableSize = Integer.highestOneBit(Math.max(2, count * 2 - 1)) << 1;
        int[] slots = new int[tableSize];
        int[] offsets = new int[count + 1];
        for (int rank = 0; rank < count; rank++) {
            offsets[rank + 1] = offsets[rank] + tokensByRank.get(rank).length;
        }
        byte[] bytes = new byte[offsets[count]];
        for (int rank = 0; rank < count; rank++) {
            byte[] token = tokensByRank.get(rank);
            System.arraycopy(token, 0, bytes, offsets[rank], token.length);
            int i = hash(token, 0, token.length) & (tableSize - 1);
            while (slots[i] != 0) {
                i = (i + 1) & (tableSize - 1);
            }
            slots[i] = rank + 1;
        }
        DataOutputStream data = new DataOutputStream(out);
        ByteBuffer head = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
        head.putLong(MAGIC).putInt(count).putInt(tableSize);
        data.write(head.array());
        data.write(ints(slots));
        data.write(ints(offsets));
        data.write(bytes);
        data.flush();
    }

    private static byte[] ints(int[] values) {
        ByteBuffer buffer = ByteBuffer.allocate(values.length * Integer.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asIntBuffer().put(values);
        return buffer.array();
    }
}
