package dev.tagrouter.testing;

import dev.tagrouter.scoring.ScoringParameters;
import dev.tagrouter.table.CurvePoint;
import dev.tagrouter.table.DecisionRuleName;
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

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The made-up dataset in {@code testdata/tiny-preferences} and a table built from it with calibrated scoring (prior
 * strength 20, tags averaged) and the utility rule.
 *
 * <p>What the tests rely on: {@code premium} accepts every prompt, so it has the best estimate everywhere and a cost
 * preference of 0 always picks it. At -0.5 ({@link #presets}' {@code balanced}) code goes to {@code coder}, poems
 * to {@code budget}, and a query without a known tag to {@code coder}; at -5 ({@code cheap}) a query without a known
 * tag goes to {@code budget}, code still to {@code coder}. Each knob is clear of the points where the choice changes.
 */
public final class TinyData {

    public static final Path DIR = Path.of("..", "testdata", "tiny-preferences");
    public static final List<String> POOL = List.of("budget", "coder", "premium");

    /** Hand-picked presets and curve for the tiny table (the numbers they promise are made up). */
    public static DecisionSettings presets(double costScaleUsd) {
        return new DecisionSettings(DecisionRuleName.UTILITY, costScaleUsd, "quality", List.of(
                new Preset("quality", 0, 1.0, 1.0, "made up for tests: the best estimate"),
                new Preset("balanced", -0.5, 0.85, 0.3, "made up for tests: specialists where they are as good"),
                new Preset("cheap", -5, 0.7, 0.1, "made up for tests: the cheapest acceptable model")),
                List.of(new CurvePoint(-5, 0.7, 0.1), new CurvePoint(-0.5, 0.85, 0.3), new CurvePoint(0, 1.0, 1.0)), 3);
    }

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
        return new BuildOptions("tiny-test", POOL, new OutcomeMapping(0.1, null), ScoringParameters.CALIBRATED, 1,
                1.0, 4.0, BuildOptions.DEFAULT_OUTPUT_TOKENS);
    }

    public static RoutingTable table() {
        PreferenceDataset data = dataset();
        KeywordTagger tagger = new KeywordTagger();
        return new TableBuilder().build(data, PromptTagging.tagAll(data.prompts(), tagger), KeywordTagger.aliases(),
                tagger.name(), options());
    }

    /** The tiny table with {@link #presets} at its own cost scale, sealed with a fresh checksum. */
    public static RoutingTable tableWithPresets() {
        RoutingTable plain = table();
        RoutingTable table = plain.withDecision(presets(plain.decision().costScaleUsd()));
        return table.withChecksum(new RoutingTableCodec().checksum(table));
    }
}
