package dev.tagrouter.http;

import dev.tagrouter.loop.MmluTables;
import dev.tagrouter.tablebuilding.DatasetReader;
import dev.tagrouter.tablebuilding.PreferenceDataset;
import dev.tagrouter.tagging.RuleTagger;
import io.quarkus.test.junit.QuarkusTestProfile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The service on an MMLU table built from a fifth of the test sample's questions, with exploration and the decision
 * log (decisions and outcomes) written to a file: the live router of the closed-loop test.
 */
public class MmluLoopProfile implements QuarkusTestProfile {

    static final Path DATA = Path.of("..", "testdata", "routellm-mmlu-sample");
    static final Path DIR = Path.of("target", "mmlu-loop");
    static final Path LOG = DIR.resolve("log.jsonl");
    static final Path LIVE = DIR.resolve("initial.json");

    @Override
    public Map<String, String> getConfigOverrides() {
        try {
            Files.createDirectories(DIR);
            Files.deleteIfExists(LOG);
            PreferenceDataset data = new DatasetReader().read(DATA);
            MmluTables.write(MmluTables.table(data, RuleTagger.withCuratedVocabulary(), "mmlu-initial",
                    data.prompts().subList(0, data.prompts().size() / 5)), LIVE);
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
}
