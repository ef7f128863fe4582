package dev.tagrouter.function;

import dev.tagrouter.table.InvalidTableException;
import dev.tagrouter.table.RoutingTable;
import dev.tagrouter.table.RoutingTableCodec;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Finds the routing table to serve: a configured file, or the table bundled in the artifact. */
final class RoutingTableSource {

    static final String BUNDLED = "tagrouter/table.json";

    private RoutingTableSource() {
    }

    static RoutingTable load(Optional<String> path) {
        RoutingTableCodec codec = new RoutingTableCodec();
        if (path.isPresent()) {
            Path file = Path.of(path.get());
            if (!Files.isRegularFile(file)) {
                throw new InvalidTableException("routing table file " + file.toAbsolutePath()
                        + " (tagrouter.table.path) does not exist");
            }
            try {
                return codec.read(file);
            } catch (IOException e) {
                throw new InvalidTableException("cannot read routing table " + file + ": " + e.getMessage(), e);
            }
        }
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new InvalidTableException("the bundled routing table classpath:" + BUNDLED
                        + " is missing from the artifact");
            }
            return codec.read(in, "classpath:" + BUNDLED);
        } catch (IOException e) {
            throw new InvalidTableException("cannot read the bundled routing table: " + e.getMessage(), e);
        }
    }
}
