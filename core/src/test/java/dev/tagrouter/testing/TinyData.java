package dev.tagrouter.testing;

import dev.tagrouter.table.RoutingTable;
import dev.tagrouter.scoring.ScoringParameters;
import dev.tagrouter.tablebuilding.BuildOptions;
import dev.tagrouter.tablebuilding.DatasetReader;
import dev.tagrouter.tablebuilding.OutcomeMapping;
import dev.tagrouter.tablebuilding.PreferenceDataset;
import dev.tagrouter.tablebuilding.PromptTagging;
import dev.tagrouter.tablebuilding.TableBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/** The made-up dataset in {@code testdata/tiny-preferences} and a table built from it. */
public final class TinyData {

    public static final Path DIR = Path.of("..", "testdata", "tiny-preferences");
    public static final List<String> POOL = List.of("budget", "coder", "premium");

    private TinyData() {
    }

    public static PreferenceDataset dataset() {
        try {
            return new DatasetReader().read(DIR);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static BuildOptions options() {
        return new BuildOptions("tiny-test", POOL, new OutcomeMapping(0.1, null), ScoringParameters.PAPER, 1, 1.0, 4.0,
                BuildOptions.DEFAULT_OUTPUT_TOKENS);
    }

    public static RoutingTable table() {
        PreferenceDataset data = dataset();
        KeywordTagger tagger = new KeywordTagger();
        return new TableBuilder().build(data, PromptTagging.tagAll(data.prompts(), tagger), KeywordTagger.aliases(),
                tagger.name(), options());
    }
}
