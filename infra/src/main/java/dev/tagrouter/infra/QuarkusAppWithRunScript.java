package dev.tagrouter.infra;

import software.amazon.awscdk.BundlingOptions;
import software.amazon.awscdk.ILocalBundling;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;

/**
 * Builds the HTTP function's code: the Quarkus fast-jar directory plus a {@code run.sh} start script.
 *
 * <p>The Lambda Web Adapter's wrapper runs the handler as a script from the code root, so the script has to
 * be inside the zip; bundling locally (no Docker) adds it without changing the http module's build.
 */
final class QuarkusAppWithRunScript implements ILocalBundling {

    static final String SCRIPT_NAME = "run.sh";

    /** Quarkus listens on 8080, the adapter's default port; exec keeps the JVM as the process Lambda signals. */
    static final String SCRIPT = """
            #!/bin/sh
            exec java -jar "$LAMBDA_TASK_ROOT/quarkus-run.jar"
            """;

    private final Path quarkusAppDir;

    QuarkusAppWithRunScript(Path quarkusAppDir) {
        this.quarkusAppDir = quarkusAppDir;
    }

    @Override
    public Boolean tryBundle(String outputDir, BundlingOptions options) {
        Path target = Path.of(outputDir);
        try {
            copyTree(quarkusAppDir, target);
            Path script = target.resolve(SCRIPT_NAME);
            Files.writeString(script, SCRIPT);
            Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bundle " + quarkusAppDir + " into " + outputDir, e);
        }
        return true;
    }

    private static void copyTree(Path source, Path target) throws IOException {
        try (Stream<Path> paths = Files.walk(source)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                Path destination = target.resolve(source.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(destination);
                } else {
                    Files.copy(path, destination, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
