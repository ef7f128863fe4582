package dev.tagrouter.cli;

import dev.tagrouter.table.RoutingTable;
import dev.tagrouter.table.RoutingTableCodec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** Reads a routing table, verifies its checksum and consistency, and prints a summary. */
@Command(name = "validate-table", mixinStandardHelpOptions = true,
        description = "Verify a routing table's checksum and consistency and print a summary.")
final class ValidateTableCommand implements Callable<Integer> {

    @Parameters(index = "0", description = "the table file")
    Path file;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        RoutingTable table = new RoutingTableCodec().read(file);
        spec.commandLine().getOut().printf("%s: valid, version %s, %d models, %d tags, %s%n", file, table.version(),
                table.models().size(), table.tags().size(), table.checksum());
        return 0;
    }
}
