package dev.tagrouter.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tagrouter.table.Preset;
import dev.tagrouter.table.RoutingTable;
import dev.tagrouter.table.RoutingTableCodec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RouteCommandTest {

    private static final Path TINY = Path.of("..", "testdata", "tiny-preferences");
    private static final int PROMPTS = 22;
    /** Every field of a /v1/route answer, in the RouteDecision record's order, after the prompt's id. */
    private static final List<String> FIELDS = List.of("id", "model", "estimatedCostUsd", "inputTokens",
            "expectedOutputTokens", "tags", "tagger", "unmatchedTags", "fallbackReason", "acceptRates",
            "costPreference", "preset", "probabilities", "reason", "tableVersion", "sessionId", "requestId",
            "decisionMicros", "models", "unfitModels");

    @TempDir
    static Path dir;
    private static Path table;
    private static RoutingTable routingTable;
    private final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void buildTable() throws Exception {
        table = dir.resolve("tiny.json");
        Output built = run(0, "build-table", "--data", TINY.toString(), "--pool", "budget,coder,premium",
                "--min-tag-count", "1", "--curve-folds", "2", "--table-version", "tiny.route",
                "--out", table.toString());
        assertTrue(built.out().contains("default preset quality"), built.out());
        routingTable = new RoutingTableCodec().read(table);
    }

    @Test
    void routesEveryPromptAtEveryCostPreference() throws Exception {
        Path out = dir.resolve("two.jsonl");
        Output o = run(0, "route", "--table", table.toString(), "--prompts", prompts().toString(),
                "--cost-preference", "Balanced", "--cost-preference", "-0.25", "--out", out.toString());
        assertTrue(o.out().contains("routed 22 prompts at 2 cost preferences (balanced, -0.2500): 44 decisions"),
                o.out());
        List<JsonNode> lines = read(out);
        assertEquals(2 * PROMPTS, lines.size());
        Preset balanced = routingTable.decision().preset("balanced").orElseThrow();
        for (int i = 0; i < lines.size(); i++) {
            JsonNode line = lines.get(i);
            assertEquals(FIELDS, names(line), "fields of line " + i);
            assertEquals(String.format("t%02d", i / 2 + 1), line.get("id").asText(), "prompt order kept");
            assertEquals(line.get("id").asText(), line.get("requestId").asText());
            assertEquals("tiny.route", line.get("tableVersion").asText());
            assertEquals("rules", line.get("tagger").asText());
            assertEquals(3, line.get("acceptRates").size());
            assertEquals(1.0, line.get("probabilities").get(line.get("model").asText()).asDouble());
            assertTrue(line.get("reason").get("code").isTextual() && line.get("reason").get("message").isTextual());
            if (i % 2 == 0) {
                assertEquals("balanced", line.get("preset").asText(), "a preset name resolves");
                assertEquals(balanced.costPreference(), line.get("costPreference").asDouble());
            } else {
                assertTrue(line.get("preset").isNull(), "a number names no preset");
                assertEquals(-0.25, line.get("costPreference").asDouble());
            }
        }
    }

    @Test
    void sweepsFromTheCheapestModelToTheDearest() throws Exception {
        Output o = run(0, "route", "--table", table.toString(), "--prompts", prompts().toString(), "--sweep", "3");
        List<JsonNode> lines = new ArrayList<>();
        for (String l : o.out().lines().toList()) {
            lines.add(json.readTree(l));
        }
        assertEquals(3 * PROMPTS, lines.size(), "standard output holds only the decisions");
        assertTrue(o.err().contains("66 decisions"), o.err());
        TreeSet<Double> knobs = new TreeSet<>();
        lines.forEach(l -> knobs.add(l.get("costPreference").asDouble()));
        assertEquals(3, knobs.size());
        for (int i = 0; i < PROMPTS; i++) {
            double[] prompt = {lines.get(3 * i).get("costPreference").asDouble(),
                    lines.get(3 * i + 1).get("costPreference").asDouble(),
                    lines.get(3 * i + 2).get("costPreference").asDouble()};
            assertTrue(prompt[0] < prompt[1] && prompt[1] < prompt[2], "each prompt at every knob, ascending");
        }
        double curveLow = routingTable.decision().curve().stream().mapToDouble(c -> c.costPreference()).min()
                .orElseThrow();
        double curveHigh = routingTable.decision().curve().stream().mapToDouble(c -> c.costPreference()).max()
                .orElseThrow();
        assertTrue(knobs.first() <= curveLow && knobs.last() >= curveHigh, "at least the curve's range " + knobs);
        for (JsonNode line : lines) {
            assertTrue(line.get("preset").isNull());
            List<String> byCost = new ArrayList<>();
            line.get("acceptRates").fieldNames().forEachRemaining(byCost::add);
            if (line.get("costPreference").asDouble() == knobs.first()) {
                assertEquals("budget", line.get("model").asText(), "lowest knob: the cheapest pool model");
                assertEquals(byCost.get(0), line.get("model").asText());
            } else if (line.get("costPreference").asDouble() == knobs.last()) {
                assertEquals(byCost.get(byCost.size() - 1), line.get("model").asText(),
                        "highest knob: the dearest model");
            }
        }
    }

    @Test
    void withoutACostPreferenceRoutesAtTheTablesDefaultPreset() throws Exception {
        Output o = run(0, "route", "--table", table.toString(), "--prompts", prompts().toString());
        List<String> lines = o.out().lines().toList();
        assertEquals(PROMPTS, lines.size());
        Preset quality = routingTable.decision().preset("quality").orElseThrow();
        for (String l : lines) {
            JsonNode line = json.readTree(l);
            assertEquals("quality", line.get("preset").asText());
            assertEquals(quality.costPreference(), line.get("costPreference").asDouble());
        }
    }

    @Test
    void reportsBadInputWithExitCodeOne() throws Exception {
        String prompts = prompts().toString();
        Output missing = run(1, "route", "--table", table.toString(), "--prompts", dir.resolve("nope.jsonl").toString());
        assertTrue(missing.err().startsWith("error: prompts file "), missing.err());
        Output noTable = run(1, "route", "--table", dir.resolve("nope.json").toString(), "--prompts", prompts);
        assertTrue(noTable.err().startsWith("error: table file "), noTable.err());
        Output preset = run(1, "route", "--table", table.toString(), "--prompts", prompts, "--cost-preference",
                "fancy");
        assertTrue(preset.err().startsWith("error: unknown cost preset 'fancy'; this table has [quality, balanced,"
                + " budget]"), preset.err());
        Output huge = run(1, "route", "--table", table.toString(), "--prompts", prompts, "--cost-preference", "1e9");
        assertTrue(huge.err().startsWith("error: --cost-preference 1e9: "), huge.err());
        Output both = run(1, "route", "--table", table.toString(), "--prompts", prompts, "--cost-preference", "0",
                "--sweep", "3");
        assertTrue(both.err().startsWith("error: give either --cost-preference or --sweep"), both.err());
        Output one = run(1, "route", "--table", table.toString(), "--prompts", prompts, "--sweep", "1");
        assertTrue(one.err().startsWith("error: --sweep needs at least 2 values"), one.err());
        Path bad = dir.resolve("bad.jsonl");
        Files.writeString(bad, "{\"id\": \"a\", \"prompt\": \"Write a poem.\"}\n\n{\"id\": \"b\", \"prompt\": \n");
        Output malformed = run(1, "route", "--table", table.toString(), "--prompts", bad.toString(), "--out",
                dir.resolve("bad-out.jsonl").toString());
        assertTrue(malformed.err().startsWith("error: " + bad + ":3: not a JSON object"), malformed.err());
        Files.writeString(bad, "{\"id\": 7, \"prompt\": \"Write a poem.\"}\n");
        Output id = run(1, "route", "--table", table.toString(), "--prompts", bad.toString());
        assertTrue(id.err().startsWith("error: " + bad + ":1: needs string fields 'id' and 'prompt'"), id.err());
        Files.writeString(bad, "{\"id\": \"blank\", \"prompt\": \"   \"}\n");
        Output blank = run(1, "route", "--table", table.toString(), "--prompts", bad.toString());
        assertTrue(blank.err().startsWith("error: " + bad + ":1 (id blank): QUERY_REQUIRED"), blank.err());
        for (Output o : List.of(missing, noTable, preset, huge, both, one, malformed, id, blank)) {
            assertTrue(!o.err().contains("\tat "), "no stack trace: " + o.err());
        }
    }

    @Test
    void keepsTheFilesOrderAcrossParallelBatchesAndStopsAtTheFirstRefusedPrompt() throws Exception {
        List<String> tiny = Files.readAllLines(prompts());
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 1300; i++) {
            JsonNode p = json.readTree(tiny.get(i % tiny.size()));
            many.add(json.writeValueAsString(Map.of("id", "p" + i, "prompt", p.get("prompt").asText() + " #" + i)));
        }
        Path file = dir.resolve("many.jsonl");
        Files.write(file, many);
        Path out = dir.resolve("many-out.jsonl");
        run(0, "route", "--table", table.toString(), "--prompts", file.toString(), "--out", out.toString());
        List<JsonNode> lines = read(out);
        assertEquals(1300, lines.size());
        for (int i = 0; i < lines.size(); i++) {
            assertEquals("p" + i, lines.get(i).get("id").asText());
        }
        many.set(1100, "{\"id\": \"empty\", \"prompt\": \"\"}");
        many.set(1200, "{\"id\": \"empty-too\", \"prompt\": \"\"}");
        Files.write(file, many);
        Output refused = run(1, "route", "--table", table.toString(), "--prompts", file.toString(), "--out",
                out.toString());
        assertTrue(refused.err().startsWith("error: " + file + ":1101 (id empty): QUERY_REQUIRED"), refused.err());
        assertEquals(1100, read(out).size(), "the prompts before the refused one are written");
    }

    /** The dataset's own prompt file: the route command reads the dataset format. */
    private static Path prompts() {
        return TINY.resolve("prompts.jsonl");
    }

    private List<JsonNode> read(Path file) throws Exception {
        List<JsonNode> lines = new ArrayList<>();
        for (String l : Files.readAllLines(file)) {
            lines.add(json.readTree(l));
        }
        return lines;
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            names.add(it.next().getKey());
        }
        return names;
    }

    record Output(String out, String err) {
    }

    static Output run(int expectedExit, String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
        try {
            int exit = TagrouterCli.run(args);
            assertEquals(expectedExit, exit, stdout.toString(StandardCharsets.UTF_8)
                    + stderr.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        return new Output(stdout.toString(StandardCharsets.UTF_8), stderr.toString(StandardCharsets.UTF_8));
    }
}
