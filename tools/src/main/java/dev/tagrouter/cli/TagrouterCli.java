package dev.tagrouter.cli;

import dev.tagrouter.table.InvalidTableException;
import dev.tagrouter.tablebuilding.DatasetException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The offline command line: build, check and evaluate routing tables. */
@Command(name = "tagrouter", mixinStandardHelpOptions = true, version = "tagrouter 0.1.0",
        description = "Offline tools of tagrouter: build routing tables from preference data, check, evaluate them and"
                + " route prompt files with them.",
        subcommands = {BuildTableCommand.class, ValidateTableCommand.class, RouteCommand.class, OpeCommand.class,
                PromoteCommand.class,
                OpeExperimentCommand.class, EvaluateCommand.class})
public final class TagrouterCli {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command and returns its exit code: 0 done, 1 failed on its input, 2 bad usage. */
    public static int run(String... args) {
        CommandLine cli = new CommandLine(new TagrouterCli());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof DatasetException || e instanceof InvalidTableException
                    || e instanceof IllegalArgumentException || e instanceof java.io.IOException) {
                commandLine.getErr().println("error: " + e.getMessage());
                return 1;
            }
            throw e;
        });
        return cli.execute(args);
    }
}
