package dev.tagrouter.http;

import dev.tagrouter.scoring.ScoringMethod;
import dev.tagrouter.scoring.ScoringParameters;
import dev.tagrouter.table.RoutingTable;
import dev.tagrouter.table.RoutingTableCodec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
    void aShadowTableThatFailsToLoadStopsTheStartLikeTheLiveOne(@TempDir Path dir) throws Exception {
        String output = run("-Dtagrouter.shadow-table.path=" + dir.resolve("nowhere.json"));
        assertTrue(output.contains("tagrouter cannot start: shadow table: routing table file"), output);
        assertTrue(output.contains("(tagrouter.shadow-table.path) does not exist"), output);

        Path table = dir.resolve("candidate.json");
        Files.writeString(table, "{\"format\": \"tagrouter-table/2\", \"version\": \"x\", \"models\": [", StandardCharsets.UTF_8);
        output = run("-Dtagrouter.shadow-table.path=" + table);
        assertTrue(output.contains("tagrouter cannot start: shadow table: routing table " + table + " is not a valid"),
                output);
    }

    @Test
    void aDirectoryOrAFifoIsNamedForWhatItIs(@TempDir Path dir) throws Exception {
        String output = start(dir);
        assertTrue(output.contains("tagrouter cannot start: routing table file") && output.contains("is a directory"),
                output);
        Path fifo = dir.resolve("table.fifo");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertEquals(0, mkfifo.waitFor());
        output = start(fifo);
        assertTrue(output.contains("is not a regular file (a FIFO, socket or device)"), output);
    }

    @Test
    void aTableOverTheSizeLimitIsRefusedWithItsSize(@TempDir Path dir) throws Exception {
        Path table = dir.resolve("huge.json");
        try (var out = Files.newOutputStream(table)) {
            byte[] spaces = " ".repeat(1 << 20).getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i <= RoutingTableCodec.MAX_BYTES >> 20; i++) {
                out.write(spaces);
            }
        }
        String output = start(table);
        assertTrue(output.contains("is larger than 32 MB, the most a table may be"), output);
    }

    @Test
    void aNumberWrittenAsAStringIsRefused(@TempDir Path dir) throws Exception {
        String bundled = Files.readString(Path.of("..", "function", "target", "classes", "tagrouter", "table.json"));
        Path table = dir.resolve("table.json");
        Files.writeString(table, resealed(bundled.replaceFirst("\"wins\" : (\\d+)", "\"wins\" : \"$1\"")));
        String output = start(table);
        assertTrue(output.contains("tagrouter cannot start: routing table " + table + " is not a valid"), output);
    }

    @Test
    void aTableWhoseScoringGivesNoNumberCannotStart(@TempDir Path dir) throws Exception {
        RoutingTableCodec codec = new RoutingTableCodec();
        RoutingTable bundled = codec.read(Path.of("..", "function", "target", "classes", "tagrouter", "table.json"));
        // Finite settings whose products overflow: paper scores of +-infinity, which no rule can compare.
        ScoringParameters s = bundled.scoring();
        RoutingTable broken = bundled.withScoring(new ScoringParameters(ScoringMethod.PAPER_SUM, s.priorStrength(),
                s.combination(), 1e308, s.sTie(), -1e308, s.normalization(), s.weighting(), s.weightScale()));
        Path table = dir.resolve("table.json");
        try (var out = Files.newOutputStream(table)) {
            codec.write(broken, out);
        }
        String output = start(table);
        assertTrue(output.contains("tagrouter cannot start: routing table " + bundled.version() + " cannot route"),
                output);
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

    // The checksum the codec expects of the edited text (see RoutingTableCodec), so only the edit is wrong.
    private static String resealed(String text) throws Exception {
        java.util.regex.Matcher old = java.util.regex.Pattern.compile("\"checksum\" : \"([^\"]+)\"").matcher(text);
        assertTrue(old.find());
        String unsealed = text.stripTrailing().replaceFirst(java.util.regex.Pattern.quote(old.group()),
                "\"checksum\" : null");
        String digest = "sha256:" + java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(unsealed.getBytes(StandardCharsets.UTF_8)));
        return text.replace(old.group(1), digest);
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
