package dev.tagrouter.loop;

import dev.tagrouter.scoring.ScoringParameters;
import dev.tagrouter.table.ModelEntry;
import dev.tagrouter.table.OutcomeCounts;
import dev.tagrouter.table.RoutingTable;
import dev.tagrouter.table.RoutingTableCodec;
import dev.tagrouter.table.TableTag;
import dev.tagrouter.tablebuilding.BuildOptions;
import dev.tagrouter.tablebuilding.OutcomeMapping;
import dev.tagrouter.tablebuilding.PreferenceDataset;
import dev.tagrouter.tablebuilding.Prompt;
import dev.tagrouter.tablebuilding.PromptTagging;
import dev.tagrouter.tablebuilding.TableBuilder;
import dev.tagrouter.tagging.RuleTagger;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The MMLU tables of the closed-loop tests (in process here, over HTTP in the http module): built, spoiled, written. */
public final class MmluTables {

    public static final List<String> POOL = List.of("Mixtral-8x7B-Instruct-v0.1", "gpt-4-1106-preview");
    public static final OutcomeMapping MAPPING = new OutcomeMapping(0.1, null);

    private MmluTables() {
    }

    /** A table built from the dataset's judgments of these prompts (no curve: served at cost preference 0). */
    public static RoutingTable table(PreferenceDataset data, RuleTagger tagger, String version,
                                     Collection<Prompt> prompts) {
        PreferenceDataset part = data.subset(prompts.stream().map(Prompt::id).collect(Collectors.toSet()));
        return new TableBuilder().build(part, PromptTagging.tagAll(part.prompts(), tagger),
                PromptTagging.aliases(tagger.vocabulary().tags()), tagger.name(),
                new BuildOptions(version, POOL, MAPPING, ScoringParameters.CALIBRATED, 5, 1.0, 4.0, 400));
    }

    /** A deliberately poor table: the two models' outcomes swapped, overall and on every tag. */
    public static RoutingTable swapped(RoutingTable t, String version) {
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

    public static Path write(RoutingTable table, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            new RoutingTableCodec().write(table, out);
        }
        return file;
    }
}
