package dev.tagrouter.http;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The packaged service (fast-jar, or the native executable with -Dnative) refuses a bad table or a cost preference
 * the table cannot serve, and says why.
 */
class StartupFailureIT {

    private static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");

    @Test
    void aMissingTableStopsTheStart(@TempDir Path dir) throws Exception {
        String output = start(dir.resolve("nowhere.json"));
        assertTrue(output.contains("tagrouter cannot start: routing table file"), output);
        assertTrue(output.contains("does not exist"), output);
    }

    @Test
    void aCorruptTableStopsTheStart(@TempDir Path dir) throws Exception {
        Path table = dir.resolve("table.json");
        Files.writeString(table, "{\"format\": \"tagrouter-table/2\", \"version\": \"x\", \"models\": [", StandardCharsets.UTF_8);
        String output = start(table);
        assertTrue(output.contains("tagrouter cannot start: routing table " + table + " is not a valid"), output);
    }

    @Test
    void aCostPresetTheTableLacksStopsTheStart() throws Exception {
        String output = run("-Dtagrouter.cost-preference=frugal");
        assertTrue(output.contains("tagrouter cannot start: tagrouter.cost-preference=frugal is refused: unknown cost"
                + " preset 'frugal'; this table has ["), output);
    }

    @Test
    void aCostPreferenceOutOfRangeStopsTheStart() throws Exception {
        String output = run("-Dtagrouter.cost-preference=1e9");
        assertTrue(output.contains("tagrouter cannot start: tagrouter.cost-preference=1e9 is refused"), output);
    }

    private static String start(Path table) throws IOException, InterruptedException {
        return run("-Dtagrouter.table.path=" + table);
    }

    private static String run(String setting) throws IOException, InterruptedException {
        String nativeImage = System.getProperty("native.image.path", "");
        List<String> command = Files.isRegularFile(Path.of(nativeImage))
                ? List.of(nativeImage, setting, "-Dquarkus.http.port=0")
                : List.of(ProcessHandle.current().info().command().orElse("java"), setting,
                        "-Dquarkus.http.port=0", "-jar", JAR.toString());
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .start();
        boolean exited = process.waitFor(60, TimeUnit.SECONDS);
        if (!exited) {
            process.destroyForcibly();
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(exited, "the service kept running on a bad table: " + output);
        assertNotEquals(0, process.exitValue(), output);
        return output;
    }
}
