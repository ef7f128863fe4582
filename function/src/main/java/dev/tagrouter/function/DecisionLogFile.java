package dev.tagrouter.function;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;

/**
 * An append-only file of decision lines that follows its path: when the file is renamed or deleted (log rotation) the
 * next line goes to a new file under the same name. Not thread-safe; the writer serialises its calls.
 */
final class DecisionLogFile implements AutoCloseable {

    private final Path path;
    private FileChannel channel;
    private Object fileKey;

    DecisionLogFile(Path path) throws IOException {
        this.path = path;
        open();
    }

    /** Appends one whole line with a single write, so a reader never sees half of it. */
    void append(byte[] line) throws IOException {
        if (channel == null || rotated()) {
            reopen();
        }
        ByteBuffer buffer = ByteBuffer.wrap(line);
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }

    private boolean rotated() throws IOException {
        try {
            return !Objects.equals(fileKey, Files.readAttributes(path, BasicFileAttributes.class).fileKey());
        } catch (NoSuchFileException e) {
            return true;
        }
    }

    private void reopen() throws IOException {
        close();
        open();
    }

    private void open() throws IOException {
        Path parent = path.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                StandardOpenOption.WRITE);
        fileKey = Files.readAttributes(path, BasicFileAttributes.class).fileKey();
    }

    @Override
    public void close() throws IOException {
        FileChannel open = channel;
        channel = null;
        if (open != null) {
            open.close();
        }
    }
}
