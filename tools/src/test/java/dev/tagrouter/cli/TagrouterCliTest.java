package dev.tagrouter.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tagrouter.table.DecisionRuleName;
import dev.tagrouter.table.DecisionSettings;
import dev.tagrouter.table.Preset;
import dev.tagrouter.table.RoutingTableCodec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
        assertTrue(out.contains("default preset quality"), out);
        for (String preset : new String[]{"quality", "balanced", "budget"}) {
            assertTrue(out.contains("preset " + preset), out);
        }
        DecisionSettings decision = new RoutingTableCodec().read(table).decision();
        assertEquals(DecisionRuleName.UTILITY, decision.rule());
        assertEquals("quality", decision.defaultPreset());
        assertEquals(List.of("quality", "balanced", "budget"), decision.presets().stream().map(Preset::name).toList());
        assertEquals(5, decision.curveFolds());
        assertFalse(decision.curve().isEmpty());
        for (Preset p : decision.presets()) {
            assertTrue(decision.curve().stream().anyMatch(c -> c.costPreference() == p.costPreference()),
                    p.name() + " is a point of the curve");
        }
        String bare = run(0, "build-table", "--data", TINY.toString(), "--pool", "budget,coder,premium",
                "--min-tag-count", "1", "--curve-folds", "0", "--out", dir.resolve("bare.json").toString());
        assertTrue(bare.contains("default preset null"), bare);
        DecisionSettings none = new RoutingTableCodec().read(dir.resolve("bare.json")).decision();
        assertTrue(none.presets().isEmpty() && none.curve().isEmpty() && none.defaultPreset() == null);
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
        JsonNode summary = new ObjectMapper().readTree(report.resolve("summary.json").toFile());
        assertEquals(2, summary.size(), "one summary per pool");
        JsonNode tiny = summary.get(0);
        assertEquals("tiny", tiny.get("pool").asText());
        assertEquals(22, tiny.get("prompts").asInt());
        assertTrue(tiny.get("auc").has("tagrouter") && tiny.get("auc").has("oracle"), tiny.toString());
        for (String against : new String[]{"minusRandom", "minusKnn"}) {
            JsonNode d = tiny.get(against);
            assertTrue(d.get("promptInterval").get(0).asDouble() <= d.get("mean").asDouble() + 1e-12
                    && d.get("mean").asDouble() <= d.get("promptInterval").get(1).asDouble() + 1e-12, d.toString());
        }
        assertTrue(tiny.get("presets").has("quality"), tiny.toString());
        assertTrue(summary.get(1).get("twoModel").has("apgr"), "two-model metrics for the pair");
        for (String png : new String[]{"tiny-curves.png", "tiny-tag-heatmap.png", "pair-curves.png",
                "pair-tag-heatmap.png"}) {
            byte[] bytes = Files.readAllBytes(report.resolve(png));
            assertTrue(bytes.length > 1000 && bytes[1] == 'P' && bytes[2] == 'N' && bytes[3] == 'G', png);
        }
    }

    @Test
    void transfersATableFromOneDatasetToAnother(@TempDir Path dir) throws Exception {
        Path train = dir.resolve("train");
        Path test = dir.resolve("test");
        List<String> prompts = Files.readAllLines(TINY.resolve("prompts.jsonl"));
        for (Path half : List.of(train, test)) {
            Files.createDirectories(half);
            Files.copy(TINY.resolve("judgments.csv"), half.resolve("judgments.csv"));
            Files.copy(TINY.resolve("models.csv"), half.resolve("models.csv"));
        }
        List<String> even = new ArrayList<>();
        List<String> odd = new ArrayList<>();
        for (int i = 0; i < prompts.size(); i++) {
            (i % 2 == 0 ? even : odd).add(prompts.get(i));
        }
        Files.write(train.resolve("prompts.jsonl"), even);
        Files.write(test.resolve("prompts.jsonl"), odd);
        Path report = dir.resolve("report");
        String out = run(0, "evaluate", "--train", train.toString(), "--test", test.toString(), "--min-tag-count",
                "1", "--theta-steps", "5", "--no-ablations", "--out", report.toString());
        assertTrue(out.contains("transfer: built on train (11 prompts), routed test (11 prompts)"), out);
        JsonNode summary = new ObjectMapper().readTree(report.resolve("summary.json").toFile());
        assertEquals("shared", summary.get(0).get("pool").asText());
        assertEquals(List.of("budget", "coder", "premium"),
                List.of(summary.get(0).get("models").get(0).asText(), summary.get(0).get("models").get(1).asText(),
                        summary.get(0).get("models").get(2).asText()));
        assertEquals(1, summary.get(0).get("folds").asInt());
        assertEquals(1, run(1, "evaluate", "--train", train.toString(), "--out", report.toString()).lines()
                .filter(l -> l.startsWith("error: give either --data")).count());
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
