package dev.tagrouter.http;

import dev.tagrouter.scoring.ScoringParameters;
import dev.tagrouter.table.CurvePoint;
import dev.tagrouter.table.DecisionSettings;
import dev.tagrouter.table.Preset;
import dev.tagrouter.table.RoutingTable;
import dev.tagrouter.table.RoutingTableCodec;
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
 * tagger, gives it hand-picked presets, and points the service at it, so that tests know which model should win.
 *
 * <p>Calibrated scoring with a small prior strength (the data are tiny) and tags carried by more than 80% of the
 * prompts left out (the script tag every prompt has), served with the utility rule. {@code premium} accepts every
 * prompt, so it has the best estimate everywhere and the {@code quality} preset (the default, knob 0) always picks
 * it; at {@code balanced} (-0.5) code goes to {@code coder} and poems to {@code budget}; at {@code budget} (-5) a
 * query without a known tag goes to {@code budget} too. Each knob is far from the points where these choices change.
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
                            ScoringParameters.CALIBRATED.withPriorStrength(2), 1, 0.8, 4.0,
                            BuildOptions.DEFAULT_OUTPUT_TOKENS));
            file = Files.createTempFile("tiny-table", ".json");
            try (OutputStream out = Files.newOutputStream(file)) {
                new RoutingTableCodec().write(table.withDecision(withPresets(table.decision())), out);
            }
            return Map.of("tagrouter.table.path", file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // The builder's rule and cost scale with hand-picked presets and curve. Built on start, not in a static field:
    // the profile loads this class where core's table classes may come from another class loader than their
    // package-private helpers.
    private static DecisionSettings withPresets(DecisionSettings built) {
        return built.withCurve(
                List.of(new CurvePoint(-5, 0.7, 0.1), new CurvePoint(-0.5, 0.85, 0.3), new CurvePoint(0, 1.0, 1.0)),
                List.of(new Preset("quality", 0, 1.0, 1.0, "made up for tests: the best estimate"),
                        new Preset("balanced", -0.5, 0.85, 0.3, "made up for tests: specialists where they are as good"),
                        new Preset("budget", -5, 0.7, 0.1, "made up for tests: the cheapest acceptable model")),
                "quality", 0);
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
