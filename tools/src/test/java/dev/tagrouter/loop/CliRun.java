package dev.tagrouter.loop;

import dev.tagrouter.cli.TagrouterCli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** One in-process run of the command line: its exit code and what it printed, for the loop tests of every module. */
public record CliRun(int exit, String out) {

    public static CliRun of(String... args) {
        PrintStream original = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        int exit;
        try {
            exit = TagrouterCli.run(args);
        } finally {
            System.setOut(original);
        }
        return new CliRun(exit, buffer.toString(StandardCharsets.UTF_8));
    }
}
