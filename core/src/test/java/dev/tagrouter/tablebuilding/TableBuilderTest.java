package dev.tagrouter.tablebuilding;

import dev.tagrouter.scoring.ScoringMethod;
import dev.tagrouter.scoring.ScoringParameters;
import dev.tagrouter.table.DecisionRuleName;
import dev.tagrouter.table.DecisionSettings;
import dev.tagrouter.table.ModelEntry;
import dev.tagrouter.table.OutcomeCounts;
import dev.tagrouter.table.RoutingTable;
import dev.tagrouter.table.RoutingTableCodec;
import dev.tagrouter.table.TableTag;
import dev.tagrouter.testing.KeywordTagger;
import dev.tagrouter.testing.TinyData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TableBuilderTest {

    @Test
    void countsOutcomesPerTagAndModel() {
        RoutingTable table = TinyData.table();
        TableTag coding = tag(table, "coding");
        assertEquals(8, coding.count());
        assertEquals(new OutcomeCounts(0, 0, 8), coding.outcomes().get("budget"));
        assertEquals(new OutcomeCounts(8, 0, 0), coding.outcomes().get("coder"));
        assertEquals(new OutcomeCounts(6, 2, 0), coding.outcomes().get("premium"));
        assertEquals(List.of("python", "javascript", "sql"), coding.aliases());
        TableTag proof = tag(table, "math-proof");
        assertEquals(new OutcomeCounts(0, 4, 0), proof.outcomes().get("coder"));
        assertTrue(table.tags().stream().noneMatch(t -> t.name().equals("klingon")), "unseen tags are not in the table");
    }

    @Test
    void recordsPricesOutputLengthsOverallOutcomesAndHowToServeTheTable() {
        RoutingTable table = TinyData.table();
        ModelEntry premium = table.models().get(2);
        assertEquals("premium", premium.name());
        assertEquals(5, premium.inputUsdPerMTok());
        assertEquals(15, premium.outputUsdPerMTok());
        assertEquals(600, premium.expectedOutputTokens(), "2400 chars at 4 chars per token");
        assertEquals(22, premium.overall().total());
        assertEquals(new OutcomeCounts(20, 2, 0), premium.overall(), "the prior of queries without a known tag");
        assertEquals(ScoringParameters.CALIBRATED, table.scoring(), "the prior strength is kept unless chosen");
        assertEquals(DecisionSettings.bare(BuildOptions.DEFAULT_RULE, table.decision().costScaleUsd()), table.decision(),
                "no curve or presets: the caller cross-validates the policy and adds them");
        assertEquals(RoutingTable.FORMAT, table.format());
        assertEquals(22, table.provenance().prompts());
        assertEquals("tiny-preferences", table.provenance().dataset());
    }

    @Test
    void theTieBandDecidesWhatCountsAsATie() throws IOException {
        PreferenceDataset data = TinyData.dataset();
        BuildOptions wide = new BuildOptions("wide", TinyData.POOL, new OutcomeMapping(0.5, null),
                TinyData.options().scoring(), 1, 1.0, 4.0, 400);
        RoutingTable table = new TableBuilder().build(data, PromptTagging.tagAll(data.prompts(), new KeywordTagger()),
                KeywordTagger.aliases(), "keywords", wide);
        assertEquals(new OutcomeCounts(0, 8, 0), tag(table, "coding").outcomes().get("budget"));
    }

    @Test
    void tagsBelowTheMinimumCountAreDropped() {
        PreferenceDataset data = TinyData.dataset();
        BuildOptions strict = new BuildOptions("strict", TinyData.POOL, new OutcomeMapping(0.1, null),
                TinyData.options().scoring(), 5, 1.0, 4.0, 400);
        RoutingTable table = new TableBuilder().build(data, PromptTagging.tagAll(data.prompts(), new KeywordTagger()),
                KeywordTagger.aliases(), "keywords", strict);
        assertEquals(List.of("coding", "poem"), table.tags().stream().map(TableTag::name).toList());
    }

    @Test
    void tagsCarriedByMostPromptsAreDropped() {
        PreferenceDataset data = TinyData.dataset();
        BuildOptions options = new BuildOptions("share", TinyData.POOL, new OutcomeMapping(0.1, null),
                TinyData.options().scoring(), 1, 0.3, 4.0, 400);
        RoutingTable table = new TableBuilder().build(data, PromptTagging.tagAll(data.prompts(), new KeywordTagger()),
                KeywordTagger.aliases(), "keywords", options);
        // coding and poem are each on 8 of 22 prompts (36%), math-proof on 4 (18%).
        assertEquals(List.of("math-proof"), table.tags().stream().map(TableTag::name).toList());
    }

    @Test
    void readsPlainOutcomeColumns(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("prompts.jsonl"), """
                {"id": "a", "prompt": "write a poem"}
                {"id": "b", "prompt": "another poem please"}
                """);
        Files.writeString(dir.resolve("judgments.csv"), """
                prompt_id,model,outcome
                a,x,win
                a,y,loss
                b,x,tie
                b,y,WIN
                """);
        Files.writeString(dir.resolve("models.csv"), "model,input_usd_per_mtok,output_usd_per_mtok\nx,1,2\ny,3,4\n");
        PreferenceDataset data = new DatasetReader().read(dir);
        RoutingTable table = new TableBuilder().build(data, PromptTagging.tagAll(data.prompts(), new KeywordTagger()),
                KeywordTagger.aliases(), "keywords", new BuildOptions("o", List.of("x", "y"),
                        new OutcomeMapping(0, null), TinyData.options().scoring(), 1, 1.0, 4, 123));
        assertEquals(new OutcomeCounts(1, 1, 0), tag(table, "poem").outcomes().get("x"));
        assertEquals(new OutcomeCounts(1, 0, 1), tag(table, "poem").outcomes().get("y"));
        assertEquals(123, table.models().get(0).expectedOutputTokens(), "no output_chars: the default is used");
    }

    @Test
    void scoreColumnsAreComparedWithTheReferenceModel(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("prompts.jsonl"), "{\"id\": \"a\", \"prompt\": \"a poem\"}\n");
        Files.writeString(dir.resolve("judgments.csv"), "prompt_id,model,score\na,ref,7\na,x,9\na,y,7.2\na,z,3\n");
        Files.writeString(dir.resolve("models.csv"),
                "model,input_usd_per_mtok,output_usd_per_mtok\nx,1,1\ny,1,1\nz,1,1\n");
        PreferenceDataset data = new DatasetReader().read(dir);
        RoutingTable table = new TableBuilder().build(data, PromptTagging.tagAll(data.prompts(), new KeywordTagger()),
                KeywordTagger.aliases(), "keywords", new BuildOptions("s", List.of("x", "y", "z"),
                        new OutcomeMapping(0.5, "ref"), TinyData.options().scoring(), 1, 1.0, 4, 100));
        assertEquals(new OutcomeCounts(1, 0, 0), tag(table, "poem").outcomes().get("x"));
        assertEquals(new OutcomeCounts(0, 1, 0), tag(table, "poem").outcomes().get("y"));
        assertEquals(new OutcomeCounts(0, 0, 1), tag(table, "poem").outcomes().get("z"));
    }

    @Test
    void rejectsUnpricedModelsAndBrokenFilesWithTheFileAndLine(@TempDir Path dir) throws IOException {
        PreferenceDataset data = TinyData.dataset();
        DatasetException unpriced = assertThrows(DatasetException.class, () -> new TableBuilder().build(data,
                PromptTagging.tagAll(data.prompts(), new KeywordTagger()), KeywordTagger.aliases(), "k",
                new BuildOptions("u", List.of("budget", "unpriced"), new OutcomeMapping(0.1, null),
                        TinyData.options().scoring(), 1, 1.0, 4, 100)));
        assertTrue(unpriced.getMessage().contains("'unpriced' has no price"), unpriced.getMessage());

        Files.writeString(dir.resolve("prompts.jsonl"), "{\"id\": \"a\", \"prompt\": \"x\"}\nnot json\n");
        Files.writeString(dir.resolve("judgments.csv"), "prompt_id,model,preference\na,x,1.5\n");
        Files.writeString(dir.resolve("models.csv"), "model,input_usd_per_mtok,output_usd_per_mtok\nx,1,1\n");
        DatasetException broken = assertThrows(DatasetException.class, () -> new DatasetReader().read(dir));
        assertTrue(broken.getMessage().endsWith("prompts.jsonl:2: not a JSON object"), broken.getMessage());
    }

    @Test
    void aBuiltTableSurvivesAWriteReadRoundTrip() throws IOException {
        RoutingTable table = TinyData.table();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        RoutingTableCodec codec = new RoutingTableCodec();
        RoutingTable written = codec.write(table, out);
        assertEquals(table, written, "the builder already seals the table with its checksum");
        assertEquals(table, codec.read(new java.io.ByteArrayInputStream(out.toByteArray()), "memory"));
    }

    @Test
    void theOldConstructorKeepsTheDefaultRuleAndAFixedPriorStrength() {
        BuildOptions options = TinyData.options();
        assertEquals(DecisionRuleName.UTILITY, options.rule());
        assertFalse(options.choosePriorStrength());
        BuildOptions threshold = new BuildOptions("t", TinyData.POOL, new OutcomeMapping(0.1, null),
                ScoringParameters.CALIBRATED, DecisionRuleName.THRESHOLD, 1, 1.0, 4.0, 400, false);
        PreferenceDataset data = TinyData.dataset();
        RoutingTable table = new TableBuilder().build(data, PromptTagging.tagAll(data.prompts(), new KeywordTagger()),
                KeywordTagger.aliases(), "keywords", threshold);
        assertEquals(DecisionRuleName.THRESHOLD, table.decision().rule());
    }

    @Test
    void informativeTagsGetASmallPriorStrength(@TempDir Path dir) throws IOException {
        // x is accepted on every code prompt and no poem, y the other way round: the tags say everything.
        RoutingTable table = buildTwoTagDataset(dir, i -> i % 2 == 0 ? "win" : "loss",
                i -> i % 2 == 0 ? "loss" : "win");
        assertTrue(table.scoring().priorStrength() <= 2, "k = " + table.scoring().priorStrength());
        assertTrue(java.util.Arrays.stream(PriorStrengthSelector.GRID)
                .anyMatch(k -> k == table.scoring().priorStrength()));
    }

    @Test
    void uninformativeTagsGetALargePriorStrength(@TempDir Path dir) throws IOException {
        // Both models are accepted on half of the prompts of each tag, whatever the tag.
        RoutingTable table = buildTwoTagDataset(dir, i -> (i / 2) % 2 == 0 ? "win" : "loss",
                i -> (i / 2) % 2 == 0 ? "loss" : "tie");
        assertTrue(table.scoring().priorStrength() >= 100, "k = " + table.scoring().priorStrength());
    }

    @Test
    void thePriorStrengthIsOnlyChosenWhenAskedAndForCalibratedScoring() {
        PreferenceDataset data = TinyData.dataset();
        java.util.Map<String, dev.tagrouter.tagging.TagResult> tags =
                PromptTagging.tagAll(data.prompts(), new KeywordTagger());
        RoutingTable fixed = new TableBuilder().build(data, tags, KeywordTagger.aliases(), "k",
                TinyData.options().withScoring(ScoringParameters.CALIBRATED.withPriorStrength(7)));
        assertEquals(7, fixed.scoring().priorStrength());
        RoutingTable paper = new TableBuilder().build(data, tags, KeywordTagger.aliases(), "k",
                TinyData.options().withScoring(ScoringParameters.PAPER.withPriorStrength(7))
                        .withChosenPriorStrength(true));
        assertEquals(ScoringMethod.PAPER_SUM, paper.scoring().method());
        assertEquals(7, paper.scoring().priorStrength(), "nothing to choose for the paper's sums");
        RoutingTable chosen = new TableBuilder().build(data, tags, KeywordTagger.aliases(), "k",
                TinyData.options().withChosenPriorStrength(true));
        assertEquals(chosen, new TableBuilder().build(data, tags, KeywordTagger.aliases(), "k",
                TinyData.options().withChosenPriorStrength(true)), "the folds are seeded: the same table twice");
    }

    /** 80 prompts, even ones about code, odd ones poems, with each model's outcome on prompt i. */
    private static RoutingTable buildTwoTagDataset(Path dir, java.util.function.IntFunction<String> x,
                                                   java.util.function.IntFunction<String> y) throws IOException {
        StringBuilder prompts = new StringBuilder();
        StringBuilder judgments = new StringBuilder("prompt_id,model,outcome\n");
        for (int i = 0; i < 80; i++) {
            prompts.append("{\"id\": \"p").append(i).append("\", \"prompt\": \"")
                    .append(i % 2 == 0 ? "python task " : "poem request ").append(i).append("\"}\n");
            judgments.append('p').append(i).append(",x,").append(x.apply(i)).append('\n');
            judgments.append('p').append(i).append(",y,").append(y.apply(i)).append('\n');
        }
        Files.writeString(dir.resolve("prompts.jsonl"), prompts);
        Files.writeString(dir.resolve("judgments.csv"), judgments);
        Files.writeString(dir.resolve("models.csv"), "model,input_usd_per_mtok,output_usd_per_mtok\nx,1,1\ny,2,2\n");
        PreferenceDataset data = new DatasetReader().read(dir);
        return new TableBuilder().build(data, PromptTagging.tagAll(data.prompts(), new KeywordTagger()),
                KeywordTagger.aliases(), "keywords", new BuildOptions("cv", List.of("x", "y"),
                        new OutcomeMapping(0, null), ScoringParameters.CALIBRATED, 1, 1.0, 4, 100)
                        .withChosenPriorStrength(true));
    }

    private static TableTag tag(RoutingTable table, String name) {
        return table.tags().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
    }
}
