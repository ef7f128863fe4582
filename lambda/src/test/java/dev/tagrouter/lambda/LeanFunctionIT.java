package dev.tagrouter.lambda;

import dev.tagrouter.function.TaggerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Manifest;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The packaged default function.zip is the lean one: none of the remote tagger's libraries is in it, and started with
 * a remote tagger URL it refuses to start and names the artifact that has one (lambda-remote). Its jars are stored.
 */
class LeanFunctionIT {

    static final Path ZIP = Path.of("target", "function.zip");

    /** The remote tagger's module and the libraries only it brings (see remote-tagger/pom.xml). */
    static final Pattern REMOTE_TAGGER_JARS = Pattern.compile(
            "lib/(dev\\.tagrouter\\.tagrouter-remote-tagger|.*io\\.vertx\\.|.*io\\.netty\\.|software\\.amazon\\.awssdk\\."
                    + "|com\\.github\\.ben-manes\\.caffeine\\.|io\\.smallrye\\.smallrye-fault-tolerance"
                    + "|io\\.quarkus\\.quarkus-(vertx|netty|caffeine|smallrye-fault-tolerance)-).*\\.jar");

    @Test
    void theZipCarriesNoneOfTheRemoteTaggersLibraries() throws IOException {
        List<String> jars = libraryJars();
        assertTrue(jars.stream().anyMatch(jar -> jar.startsWith("lib/dev.tagrouter.tagrouter-function-")),
                "the function's own jar is there, so the listing is the right one: " + jars);
        assertEquals(List.of(), jars.stream().filter(jar -> REMOTE_TAGGER_JARS.matcher(jar).matches()).toList());
    }

    // The package phase stores the entries of every jar inside the zip (scripts/stored-jars/StoredJars.java), so that
    // class loading inflates nothing; the zip itself stays deflated.
    @Test
    void theJarsInsideAreStoredNotDeflated() throws IOException {
        List<String> deflated = new java.util.ArrayList<>();
        try (ZipFile zip = new ZipFile(ZIP.toFile())) {
            for (ZipEntry entry : Collections.list(zip.entries())) {
                if (!entry.getName().endsWith(".jar")) {
                    continue;
                }
                try (java.util.zip.ZipInputStream jar = new java.util.zip.ZipInputStream(zip.getInputStream(entry))) {
                    for (ZipEntry inner = jar.getNextEntry(); inner != null; inner = jar.getNextEntry()) {
                        if (inner.getMethod() != ZipEntry.STORED) {
                            deflated.add(entry.getName());
                            break;
                        }
                    }
                }
            }
        }
        assertTrue(libraryJars().size() > 10, "the listing is the right one: " + libraryJars());
        assertEquals(List.of(), deflated, "jars with deflated entries");
    }

    @Test
    void withARemoteTaggerUrlItRefusesToStartAndNamesTheArtifactToDeploy(@TempDir Path task) throws Exception {
        unzip(task);
        String mainClass;
        try (InputStream manifest = Files.newInputStream(task.resolve("META-INF/MANIFEST.MF"))) {
            mainClass = new Manifest(manifest).getMainAttributes().getValue("Main-Class");
        }
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        ProcessBuilder builder = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"),
                "-Dtagrouter.tagger.remote.url=http://127.0.0.1:" + closedPort + "/v1",
                "-cp", task + ":" + task.resolve("lib") + "/*", mainClass)
                .redirectErrorStream(true);
        // Where Lambda's Runtime API would be: nothing listens, the function must stop before it asks for an event.
        builder.environment().put("AWS_LAMBDA_RUNTIME_API", "127.0.0.1:" + closedPort);
        Process process = builder.start();
        boolean exited = process.waitFor(60, TimeUnit.SECONDS);
        if (!exited) {
            process.destroyForcibly();
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(exited, "the lean function kept running with a remote tagger URL: " + output);
        assertNotEquals(0, process.exitValue(), output);
        assertTrue(output.contains("tagrouter cannot start: " + TaggerFactory.WITHOUT_REMOTE_TAGGER), output);
        assertTrue(TaggerFactory.WITHOUT_REMOTE_TAGGER.contains("lambda-remote/target/function.zip"));
    }

    private static List<String> libraryJars() throws IOException {
        try (ZipFile zip = new ZipFile(ZIP.toFile())) {
            return Collections.list(zip.entries()).stream().map(ZipEntry::getName)
                    .filter(name -> name.startsWith("lib/") && name.endsWith(".jar")).sorted().toList();
        }
    }

    private static void unzip(Path target) throws IOException {
        try (ZipFile zip = new ZipFile(ZIP.toFile())) {
            for (ZipEntry entry : Collections.list(zip.entries())) {
                Path file = target.resolve(entry.getName()).normalize();
                if (!file.startsWith(target)) {
                    throw new IOException("entry outside the task root: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(file);
                } else {
                    Files.createDirectories(file.getParent());
                    try (InputStream in = zip.getInputStream(entry)) {
                        Files.copy(in, file);
                    }
                }
            }
        }
    }
}
