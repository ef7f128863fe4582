package dev.tagrouter.table;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Build-time check of a routing table file: the build calls it on the bundled table, so a corrupt or inconsistent
 * table fails the build instead of the first start. Throws rather than exiting, to run inside the Maven JVM.
 */
public final class TableFileCheck {

    private TableFileCheck() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: TableFileCheck <table.json>");
        }
        Path file = Path.of(args[0]);
        if (!Files.isRegularFile(file)) {
            throw new InvalidTableException("routing table " + file + " does not exist");
        }
        RoutingTable table = new RoutingTableCodec().read(file);
        System.out.printf("routing table %s is valid: version %s, %d models, %d tags, %s%n", file,
                table.version(), table.models().size(), table.tags().size(), table.checksum());
    }
}
