package dev.tagrouter.http;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the packaged fast-jar builds at start-up, read from its own log: the token counter comes from the precomputed
 * ranks, and jtokkit (whose vocabulary parse cost 0.4 s of every cold start) is not in the artifact at all.
 */
class ColdStartPartsIT {

    private static final Path APP = Path.of("target", "quarkus-app");

    @Test
    void theTokenCounterLoadsFromPrecomputedRanksAndJtokkitIsNotShipped() throws Exception {
        if (nativeImage().isEmpty()) {
            try (Stream<Path> files = Files.walk(APP)) {
                List<Path> jtokkit = files.filter(f -> f.getFileName().toString().contains("jtokkit")).toList();
                assertEquals(List.of(), jtokkit, "jtokkit is a test oracle only");
            }
        }
        List<String> log = startUntilReady();
        List<String> parts = log.stream().filter(l -> l.contains("router part ")).toList();
        assertEquals(3, parts.size(), String.join("\n", log));
        assertTrue(parts.stream().anyMatch(l -> l.contains("router part token counter (cl100k_base, precomputed ranks)"
                + " ready in ")), String.join("\n", parts));
    }

    // The native integration tests (-Dnative) name the executable; then it is the artifact under test.
    private static java.util.Optional<Path> nativeImage() {
        Path path = Path.of(System.getProperty("native.image.path", ""));
        return Files.isRegularFile(path) ? java.util.Optional.of(path) : java.util.Optional.empty();
    }

    private static List<String> startUntilReady() throws IOException, InterruptedException {
        String debug = "-Dquarkus.log.category.\"dev.tagrouter.function\".level=DEBUG";
        List<String> command = nativeImage().isPresent()
                ? List.of(nativeImage().get().toString(), "-Dquarkus.http.port=0", debug)
                : List.of(ProcessHandle.current().info().command().orElse("java"), "-Dquarkus.http.port=0", debug,
                        "-jar", APP.resolve("quarkus-run.jar").toString());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<String> lines = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                lines.add(line);
                if (line.contains("router ready") || line.contains("Listening on") || lines.size() > 500) {
                    break;
                }
            }
        } finally {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
        return lines;
    }
}
