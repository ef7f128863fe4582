package dev.tagrouter.precomputed;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/** Reads a bundled resource whole. */
public final class Resources {

    private Resources() {
    }

    /**
     * Reads the stream to its end, into one array of its size when the stream tells it (a jar entry does):
     * {@link InputStream#readAllBytes} gathers 8 KiB chunks and copies them into the result, so a 2 MB rank file
     * was allocated and zeroed twice, about 10 ms of a cold start (issue 14). A size that is wrong only costs a copy.
     */
    public static byte[] readAll(InputStream in) throws IOException {
        int size = in.available();
        if (size <= 0) {
            return in.readAllBytes();
        }
        byte[] data = new byte[size];
        int read = in.readNBytes(data, 0, size);
        if (read < size) {
            return Arrays.copyOf(data, read);
        }
        byte[] rest = in.readAllBytes();
        if (rest.length == 0) {
            return data;
        }
        byte[] all = Arrays.copyOf(data, size + rest.length);
        System.arraycopy(rest, 0, all, size, rest.length);
        return all;
    }
}
