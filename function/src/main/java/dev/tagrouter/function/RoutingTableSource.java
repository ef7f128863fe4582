package dev.tagrouter.function;

import dev.tagrouter.bundled.BundledParts;
import dev.tagrouter.table.InvalidTableException;
import dev.tagrouter.table.RoutingTable;
import dev.tagrouter.table.RoutingTableCodec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;

/**
 * Finds the routing table to serve: a configured file, read from JSON with all its checks, or the table bundled in the
 * artifact, which the build has already checked and precomputed ({@link BundledParts}).
 */
final class RoutingTableSource {

    private RoutingTableSource() {
    }

    static RoutingTable load(Optional<String> path) {
        return load(path, "tagrouter.table.path");
    }

    /** Loads a table file the same way under another key (the shadow table's), named in every error. */
    static RoutingTable load(Optional<String> path, String key) {
        if (path.isEmpty()) {
            return BundledParts.table();
        }
        Path file = Path.of(path.get());
        requireTableFile(file, key);
        try {
            return new RoutingTableCodec().read(file);
        } catch (IOException e) {
            throw new InvalidTableException("cannot read routing table " + file + ": " + e.getMessage(), e);
        }
    }

    /** Where {@link #load} takes the table from, for the start-up log: a JSON file, or the build's precomputed form. */
    static String origin(Optional<String> path) {
        return path.map(p -> "from JSON file " + p).orElse("precomputed at build time");
    }

    // Says what the path is when it is not a table file: opening a FIFO would block the start, and a directory or a
    // huge file would fail with a message that does not name the problem.
    private static void requireTableFile(Path file, String key) {
        String where = "routing table file " + file.toAbsolutePath() + " (" + key + ")";
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            throw new InvalidTableException(where + " does not exist");
        } catch (IOException e) {
            throw new InvalidTableException(where + " cannot be read: " + e.getMessage(), e);
        }
        if (attributes.isDirectory()) {
            throw new InvalidTableException(where + " is a directory, not a table file");
        }
        if (!attributes.isRegularFile()) {
            throw new InvalidTableException(where + " is not a regular file (a FIFO, socket or device); copy the"
                    + " table to a file");
        }
        if (attributes.size() > RoutingTableCodec.MAX_BYTES) {
            throw new InvalidTableException(RoutingTableCodec.tooLarge(file.toString()) + " (" + attributes.size()
                    + " bytes)");
        }
    }
}
