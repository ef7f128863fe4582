package dev.tagrouter.cli;

import dev.tagrouter.ope.LogEvaluation;
import dev.tagrouter.ope.LogFiles;
import dev.tagrouter.ope.OutcomeIndex;
import picocli.CommandLine.Option;

import java.io.IOException;

/** The decision log and outcome options that ope and promote share. */
final class LogInputs {

    @Option(names = "--log", required = true, description = "decision log written by the router: a JSON-lines file, "
            + "a folder or a glob (quote it), files plain or gzip'd")
    String log;

    @Option(names = "--outcomes", required = true, description = "outcome log, JSON lines {requestId, accepted | score, "
            + "costUsd?, latencyMs?}: a file, a folder or a glob, plain or gzip'd")
    String outcomes;

    @Option(names = "--neighbours", defaultValue = "WINDOW",
            description = "WINDOW (arrival time) or SESSION (previous turn) (default ${DEFAULT-VALUE})")
    LogEvaluation.Neighbours neighbours;

    @Option(names = "--window-seconds", defaultValue = "1", description = "neighbour window (default ${DEFAULT-VALUE} s)")
    double windowSeconds;

    @Option(names = "--replicates", defaultValue = "200", description = "bootstrap replicates (default ${DEFAULT-VALUE})")
    int replicates;

    @Option(names = "--seed", defaultValue = "1", description = "bootstrap seed (default ${DEFAULT-VALUE})")
    long seed;

    LogEvaluation.Settings settings() {
        return settings(neighbours);
    }

    LogEvaluation.Settings settings(LogEvaluation.Neighbours kind) {
        if (replicates < 10) {
            throw new IllegalArgumentException("--replicates must be >= 10, got " + replicates);
        }
        return new LogEvaluation.Settings(kind, windowSeconds, replicates, seed);
    }

    LogFiles logFiles() throws IOException {
        return LogFiles.of(log);
    }

    OutcomeIndex outcomeIndex() throws IOException {
        return OutcomeIndex.read(LogFiles.of(outcomes));
    }
}
