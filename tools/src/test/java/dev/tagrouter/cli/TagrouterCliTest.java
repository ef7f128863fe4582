package dev.tagrouter.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TagrouterCliTest {

    private static final Path TINY = Path.of("..", "testdata", "tiny-preferences");

    @Test
    void buildsAValidTableFromADatasetDirectory(@TempDir Path dir) throws Exception {
        Path table = dir.resolve("tiny.json");
        String out = run(0, "build-table", "--data", TINY.toString(), "--pool", "budget,coder,premium",
                "--min-tag-count", "1", "--table-version", "tiny.v1", "--out", table.toString());
        assertTrue(out.contains("dataset tiny-preferences: 22 prompts"), out);
        assertTrue(out.contains("version tiny.v1"), out);
        assertTrue(out.contains("default model premium"), out);
        String check = run(0, "validate-table", table.toString());
        assertTrue(check.contains("valid, version tiny.v1, 3 models"), check);
        String again = run(0, "build-table", "--data", TINY.toString(), "--pool", "budget,coder,premium",
                "--min-tag-count", "1", "--table-version", "tiny.v1", "--out", dir.resolve("again.json").toString());
        assertEquals(Files.readString(table), Files.readString(dir.resolve("again.json")), "builds are reproducible");
    }

    @Test
    void reportsBadInputWithoutAStackTrace(@TempDir Path dir) throws Exception {
        Path corrupt = dir.resolve("corrupt.json");
        Files.writeString(corrupt, "{\"format\": ");
        String err = run(1, "validate-table", corrupt.toString());
        assertTrue(err.startsWith("error: routing table " + corrupt + " is not a valid"), err);
        String unpriced = run(1, "build-table", "--data", TINY.toString(), "--pool", "budget,unpriced",
                "--out", dir.resolve("x.json").toString());
        assertTrue(unpriced.contains("model 'unpriced' has no price"), unpriced);
        assertTrue(!unpriced.contains("\tat "), unpriced);
    }

    @Test
    void evaluatesATinyDatasetEndToEnd(@TempDir Path dir) throws Exception {
        Path report = dir.resolve("report");
        String out = run(0, "evaluate", "--data", TINY.toString(), "--pool", "budget,coder,premium",
                "--pool-name", "tiny", "--pools", "pair=budget,premium", "--folds", "2", "--min-tag-count", "1",
                "--theta-steps", "10", "--out", report.toString());
        assertTrue(out.contains("tiny / default: fold 2 of 2 done"), out);
        String md = Files.readString(report.resolve("report.md"));
        assertTrue(md.contains("## Pool `tiny`") && md.contains("## Pool `pair`"), md);
        assertTrue(md.contains("| oracle |") && md.contains("**tagrouter**") && md.contains("kNN TF-IDF"), md);
        assertTrue(md.contains("./tagrouter evaluate --data"), md);
        assertTrue(md.indexOf("| oracle |") < md.indexOf("**tagrouter**"), "oracle and single models come first");
        assertTrue(md.contains("### Ablations"), md);
        for (String png : new String[]{"tiny-curves.png", "tiny-tag-heatmap.png", "pair-curves.png",
                "pair-tag-heatmap.png"}) {
            byte[] bytes = Files.readAllBytes(report.resolve(png));
            assertTrue(bytes.length > 1000 && bytes[1] == 'P' && bytes[2] == 'N' && bytes[3] == 'G', png);
        }
    }

    private static String run(int expectedExit, String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        PrintStream capture = new PrintStream(buffer, true, StandardCharsets.UTF_8);
        System.setOut(capture);
        System.setErr(capture);
        try {
            int exit = TagrouterCli.run(args);
            assertEquals(expectedExit, exit, buffer.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        return buffer.toString(StandardCharsets.UTF_8);
    }
}
