package dev.tagrouter.http;

import dev.tagrouter.table.RoutingTable;
import dev.tagrouter.table.RoutingTableCodec;
import dev.tagrouter.scoring.ScoringParameters;
import dev.tagrouter.tablebuilding.BuildOptions;
import dev.tagrouter.tablebuilding.DatasetReader;
import dev.tagrouter.tablebuilding.OutcomeMapping;
import dev.tagrouter.tablebuilding.PreferenceDataset;
import dev.tagrouter.tablebuilding.PromptTagging;
import dev.tagrouter.tablebuilding.TableBuilder;
import dev.tagrouter.tagging.RuleTagger;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Builds a routing table from the made-up dataset in {@code testdata/tiny-preferences} with the real builder and
 * tagger, and points the service at it, so that tests know which model should win.
 */
public class TinyTableResource implements QuarkusTestResourceLifecycleManager {

    static final Path DATASET = Path.of("..", "testdata", "tiny-preferences");

    private Path file;

    @Override
    public Map<String, String> start() {
        try {
            PreferenceDataset data = new DatasetReader().read(DATASET);
            RuleTagger tagger = RuleTagger.withCuratedVocabulary();
            RoutingTable table = new TableBuilder().build(data, PromptTagging.tagAll(data.prompts(), tagger),
                    PromptTagging.aliases(tagger.vocabulary().tags()), tagger.name(),
                    new BuildOptions("tiny-test", List.of("budget", "coder", "premium"), new OutcomeMapping(0.1, null),
                            ScoringParameters.PAPER, 1, BuildOptions.DEFAULT_MAX_TAG_SHARE, 4.0,
                            BuildOptions.DEFAULT_OUTPUT_TOKENS));
            file = Files.createTempFile("tiny-table", ".json");
            try (OutputStream out = Files.newOutputStream(file)) {
                new RoutingTableCodec().write(table, out);
            }
            return Map.of("tagrouter.table.path", file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
