package dev.tagrouter.infra;

import java.nio.file.Files;
import java.nio.file.Path;

/** Checks build outputs before CDK stages them, so a missing build says which command makes it. */
final class Assets {

    private Assets() {
    }

    static String existingFile(Path path, String what, String buildCommand, String contextKey) {
        if (!Files.isRegularFile(path)) {
            throw new MissingBuildOutputException(what + " not found at " + path + ": build it with `" + buildCommand
                    + "` or point -c " + contextKey + "=... at it");
        }
        return path.toAbsolutePath().toString();
    }

    static Path existingDirectory(Path path, String what, String buildCommand, String contextKey) {
        if (!Files.isDirectory(path)) {
            throw new MissingBuildOutputException(what + " not found at " + path + ": build it with `" + buildCommand
                    + "` or point -c " + contextKey + "=... at it");
        }
        return path.toAbsolutePath();
    }

    /** A build output the stack deploys does not exist. */
    static final class MissingBuildOutputException extends IllegalStateException {
        MissingBuildOutputException(String message) {
            super(message);
        }
    }
}
