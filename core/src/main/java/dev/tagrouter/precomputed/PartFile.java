package dev.tagrouter.precomputed;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * The frame around every part precomputed at build time, written and checked in this one place: an 8-byte magic
 * naming the kind of part and its layout version, the payload's length, the payload, and the payload's CRC-32.
 * A file cut short, of another kind or changed after the build is refused before a byte of the payload is decoded.
 *
 * <p>Payloads are written with {@link PartWriter} and read with {@link PartReader}, which share one encoding of each
 * shape (numbers, strings, lists, arrays), so that the codecs' writers and readers cannot drift apart.
 */
public final class PartFile {

    private static final int MAGIC_BYTES = 8;
    private static final int HEADER = MAGIC_BYTES + Integer.BYTES;
    private static final int TRAILER = Integer.BYTES;

    private final String magic;
    private final String what;

    /**
     * @param magic exactly 8 ASCII characters; change its last characters when the payload's layout changes
     * @param what  what the part is, for error messages ("precomputed routing table")
     */
    public PartFile(String magic, String what) {
        if (magic.length() != MAGIC_BYTES) {
            throw new IllegalArgumentException("a part magic is 8 ASCII characters, got '" + magic + "'");
        }
        for (int i = 0; i < MAGIC_BYTES; i++) {
            if (magic.charAt(i) < 0x20 || magic.charAt(i) >= 0x7F) {
                throw new IllegalArgumentException("a part magic is 8 ASCII characters, got '" + magic + "'");
            }
        }
        this.magic = magic;
        this.what = what;
    }

    /** Writes the framed payload that {@code body} produces. */
    public void write(OutputStream out, Body body) throws IOException {
        ByteArrayOutputStream payload = new ByteArrayOutputStream(1 << 16);
        PartWriter writer = new PartWriter(payload);
        body.write(writer);
        writer.flush();
        byte[] bytes = payload.toByteArray();
        CRC32 crc = new CRC32();
        crc.update(bytes);
        ByteBuffer head = ByteBuffer.allocate(HEADER).put(magic.getBytes(StandardCharsets.US_ASCII)).putInt(bytes.length);
        out.write(head.array());
        out.write(bytes);
        out.write(ByteBuffer.allocate(TRAILER).putInt((int) crc.getValue()).array());
        out.flush();
    }

    /**
     * Checks the frame of a whole file and returns a reader of its payload.
     *
     * @throws IOException naming what is wrong: another kind of file, a layout this code does not read, a file cut
     *                     short or with bytes after its end, or a payload that does not match its checksum
     */
    public PartReader open(byte[] file, String origin) throws IOException {
        String where = what + " " + origin;
        if (file.length < HEADER + TRAILER) {
            throw new IOException(where + " is truncated: " + file.length + " bytes, less than a frame");
        }
        String found = new String(file, 0, MAGIC_BYTES, StandardCharsets.ISO_8859_1);
        if (!found.equals(magic)) {
            boolean sameKind = found.regionMatches(0, magic, 0, MAGIC_BYTES - 2);
            throw new IOException(where + (sameKind
                    ? " has layout '" + printable(found) + "', this code reads '" + magic + "': rebuild the artifact"
                    : " is another kind of file (magic '" + printable(found) + "', expected '" + magic + "')"));
        }
        int length = ByteBuffer.wrap(file, MAGIC_BYTES, Integer.BYTES).getInt();
        long expected = (long) HEADER + length + TRAILER;
        if (length < 0 || expected != file.length) {
            throw new IOException(where + " is truncated or padded: its header announces " + expected + " bytes, the"
                    + " file has " + file.length);
        }
        CRC32 crc = new CRC32();
        crc.update(file, HEADER, length);
        int stored = ByteBuffer.wrap(file, HEADER + length, Integer.BYTES).getInt();
        if (stored != (int) crc.getValue()) {
            throw new IOException(where + " is corrupt: its content does not match its CRC-32 checksum");
        }
        return new PartReader(ByteBuffer.wrap(file, HEADER, length).slice());
    }

    /**
     * Reads a whole file: its frame checked by {@link #open}, its payload decoded by {@code body} to the last byte.
     *
     * @throws IOException as {@link #open} does, or naming the file when the sound frame holds values that do not
     *                     decode (a writer bug, never bad luck) or bytes after the last value (the wrong layout)
     */
    public <T> T read(byte[] file, String origin, Payload<T> body) throws IOException {
        PartReader in = open(file, origin);
        T value;
        try {
            value = body.read(in);
        } catch (IOException | RuntimeException e) {
            throw new IOException(what + " " + origin + " cannot be decoded: " + e, e);
        }
        if (in.remaining() != 0) {
            throw new IOException(what + " " + origin + " has " + in.remaining() + " bytes after its last value");
        }
        return value;
    }

    private static String printable(String s) {
        return s.replaceAll("[^\\x20-\\x7E]", "?");
    }

    /** Reads one payload. */
    @FunctionalInterface
    public interface Payload<T> {
        T read(PartReader in) throws IOException;
    }

    /** Writes one payload. */
    @FunctionalInterface
    public interface Body {
        void write(PartWriter out) throws IOException;
    }
}
