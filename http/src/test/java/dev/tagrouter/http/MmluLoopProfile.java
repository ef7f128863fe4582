package dev.tagrouter.http;

import dev.tagrouter.scoring.ScoringParameters;
import dev.tagrouter.table.ModelEntry;
import dev.tagrouter.table.OutcomeCounts;
import dev.tagrouter.table.RoutingTable;
import dev.tagrouter.table.RoutingTableCodec;
import dev.tagrouter.table.TableTag;
import dev.tagrouter.tablebuilding.BuildOptions;
import dev.tagrouter.tablebuilding.DatasetReader;
import dev.tagrouter.tablebuilding.OutcomeMapping;
import dev.tagrouter.tablebuilding.PreferenceDataset;
import dev.tagrouter.tablebuilding.Prompt;
import dev.tagrouter.tablebuilding.PromptTagging;
import dev.tagrouter.tablebuilding.TableBuilder;
import dev.tagrouter.tagging.RuleTagger;
import io.quarkus.test.junit.QuarkusTestProfile;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The service on an MMLU table built from a fifth of the test sample's questions, with exploration and the decision
 * log (decisions and outcomes) written to a file: the live router of the closed-loop test.
 */
public class MmluLoopProfile implements QuarkusTestProfile {

    static final Path DATA = Path.of("..", "testdata", "routellm-mmlu-sample");
    static final List<String> POOL = List.of("Mixtral-8x7B-Instruct-v0.1", "gpt-4-1106-preview");
    static final OutcomeMapping MAPPING = new OutcomeMapping(0.1, null);
    static final Path DIR = Path.of("target", "mmlu-loop");
    static final Path LOG = DIR.resolve("log.jsonl");
    static final Path LIVE = DIR.resolve("initial.json");

    @Override
    public Map<String, String> getConfigOverrides() {
        try {
            Files.createDirectories(DIR);
            Files.deleteIfExists(LOG);
            PreferenceDataset data = new DatasetReader().read(DATA);
            write(table(data, "mmlu-initial", data.prompts().subList(0, data.prompts().size() / 5)), LIVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of(
                "tagrouter.table.path", LIVE.toString(),
                "tagrouter.exploration.enabled", "true",
                "tagrouter.exploration.temperature", "0.05",
                "tagrouter.exploration.floor", "0.2",
                "tagrouter.exploration.seed", "5",
                "tagrouter.decision-log.enabled", "true",
                "tagrouter.decision-log.sink", "file",
                "tagrouter.decision-log.file", LOG.toString());
    }

    /** A table from the judgments of these questions, served at cost preference 0 (no curve). */
    static RoutingTable table(PreferenceDataset data, String version, List<Prompt> prompts) {
        PreferenceDataset part = data.subset(prompts.stream().map(Prompt::id).collect(Collectors.toSet()));
        RuleTagger tagger = RuleTagger.withCuratedVocabulary();
        return new TableBuilder().build(part, PromptTagging.tagAll(part.prompts(), tagger),
                PromptTagging.aliases(tagger.vocabulary().tags()), tagger.name(),
                new BuildOptions(version, POOL, MAPPING, ScoringParameters.CALIBRATED, 5, 1.0, 4.0, 400));
    }

    /** A deliberately poor table: the two models' outcomes swapped, overall and on every tag. */
    static RoutingTable swapped(RoutingTable t, String version) {
        Map<String, String> other = Map.of(POOL.get(0), POOL.get(1), POOL.get(1), POOL.get(0));
        Map<String, OutcomeCounts> overall = new HashMap<>();
        t.models().forEach(m -> overall.put(other.get(m.name()), m.overall()));
        List<ModelEntry> models = t.models().stream().map(m -> new ModelEntry(m.name(), m.inputUsdPerMTok(),
                m.outputUsdPerMTok(), m.expectedOutputTokens(), overall.get(m.name()))).toList();
        List<TableTag> tags = t.tags().stream().map(tag -> {
            Map<String, OutcomeCounts> o = new HashMap<>();
            tag.outcomes().forEach((m, c) -> o.put(other.get(m), c));
            return new TableTag(tag.name(), tag.aliases(), tag.count(), o);
        }).toList();
        RoutingTable poor = new RoutingTable(t.format(), version, null, t.scoring(), t.decision(), t.provenance(),
                models, tags);
        return poor.withChecksum(new RoutingTableCodec().checksum(poor));
    }

    static Path write(RoutingTable table, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            new RoutingTableCodec().write(table, out);
        }
        return file;
    }
}
