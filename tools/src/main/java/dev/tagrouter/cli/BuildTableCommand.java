package dev.tagrouter.cli;

import dev.tagrouter.table.ModelEntry;
import dev.tagrouter.table.RoutingTable;
import dev.tagrouter.table.RoutingTableCodec;
import dev.tagrouter.tablebuilding.BuildOptions;
import dev.tagrouter.tablebuilding.DatasetReader;
import dev.tagrouter.tablebuilding.OutcomeMapping;
import dev.tagrouter.tablebuilding.PreferenceDataset;
import dev.tagrouter.tablebuilding.PromptTagging;
import dev.tagrouter.tablebuilding.TableBuilder;
import dev.tagrouter.tagging.RuleTagger;
import dev.tagrouter.tagging.TagResult;
import dev.tagrouter.cost.TokenEncoding;
import dev.tagrouter.decision.DecisionRule;
import dev.tagrouter.evaluation.CostModel;
import dev.tagrouter.evaluation.EvaluationSettings;
import dev.tagrouter.evaluation.OperatingCurve;
import dev.tagrouter.evaluation.PoolData;
import dev.tagrouter.evaluation.PoolSpec;
import dev.tagrouter.evaluation.Variant;
import dev.tagrouter.evaluation.VariantFactory;
import dev.tagrouter.table.Preset;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Builds a routing table from a preference dataset directory with the embedded rule tagger, or from the router's own
 * decision log and outcomes.
 */
@Command(name = "build-table", mixinStandardHelpOptions = true,
        description = "Build a routing table from a preference dataset (prompts.jsonl, judgments.csv, models.csv), "
                + "or with --from-log from the router's decision log and outcomes.")
final class BuildTableCommand implements Callable<Integer> {

    static final int CURVE_STEPS = 40;

    @Option(names = "--data", description = "dataset directory")
    Path data;

    @Option(names = "--from-log", description = "build from this decision log instead (a file, a folder or a glob, "
            + "plain or gzip'd); needs --outcomes and --base-table")
    String fromLog;

    @Option(names = "--outcomes", description = "with --from-log: the outcome log (a file, a folder or a glob)")
    String outcomes;

    @Option(names = "--base-table", description = "with --from-log: the table whose pool (prices, output lengths), "
            + "scoring and decision rule the new table keeps (usually the live one)")
    Path baseTable;

    @Option(names = "--cells", description = "with --from-log: also write every (tag, model) cell's estimate and "
            + "effective sample size to this CSV file")
    Path cellsFile;

    @Option(names = "--out", required = true, description = "table file to write")
    Path out;

    @Option(names = "--pool", split = ",", description = "models of the table (default: every priced, judged model)")
    List<String> pool = new ArrayList<>();

    @Option(names = "--table-version", description = "version label (default: <dataset>-dev)")
    String version;

    @Option(names = "--tie-band", defaultValue = "0.1", description = "half-width d of the tie band (default ${DEFAULT-VALUE})")
    double tieBand;

    @Option(names = "--reference", description = "reference model for a numeric 'score' column")
    String reference;

    @Mixin
    ScoringOptions scoringOptions;

    @Option(names = "--curve-folds", defaultValue = "5",
            description = "folds of the cross-validation that measures the table's cost/accept curve and presets; 0 "
                    + "skips it (default ${DEFAULT-VALUE})")
    int curveFolds;

    @Option(names = "--default-preset", defaultValue = OperatingCurve.QUALITY,
            description = "preset used when a request names no cost preference: quality, balanced or budget "
                    + "(default ${DEFAULT-VALUE})")
    String defaultPreset;

    @Option(names = "--seed", defaultValue = "42", description = "seed of the curve's folds (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--min-tag-count", defaultValue = "" + BuildOptions.DEFAULT_MIN_TAG_COUNT,
            description = "leave out tags carried by fewer training prompts (default ${DEFAULT-VALUE})")
    int minTagCount;

    @Option(names = "--max-tag-share", defaultValue = "" + BuildOptions.DEFAULT_MAX_TAG_SHARE,
            description = "leave out tags carried by a larger share of the training prompts (default ${DEFAULT-VALUE})")
    double maxTagShare;

    @Option(names = "--chars-per-token", defaultValue = "" + BuildOptions.DEFAULT_CHARS_PER_TOKEN,
            description = "converts answer lengths in characters to output tokens (default ${DEFAULT-VALUE})")
    double charsPerToken;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (fromLog != null) {
            if (data != null || outcomes == null || baseTable == null) {
                throw new IllegalArgumentException("--from-log needs --outcomes and --base-table, and no --data");
            }
            return new LogTableBuild(spec, fromLog, outcomes, baseTable, out, cellsFile, version, minTagCount,
                    maxTagShare, scoringOptions).run();
        }
        if (data == null) {
            throw new IllegalArgumentException("give --data (a preference dataset) or --from-log (a decision log)");
        }
        PrintWriter log = spec.commandLine().getOut();
        PreferenceDataset dataset = new DatasetReader().read(data);
        List<String> models = pool.isEmpty() ? dataset.judgedModels().stream()
                .filter(dataset.prices()::containsKey).toList() : pool;
        RuleTagger tagger = RuleTagger.withCuratedVocabulary();
        Map<String, TagResult> tags = PromptTagging.tagAll(dataset.prompts(), tagger);
        OutcomeMapping mapping = new OutcomeMapping(tieBand, reference);
        BuildOptions options = new BuildOptions(version == null ? dataset.name() + "-dev" : version, models,
                mapping, scoringOptions.scoring(), scoringOptions.rule, minTagCount, maxTagShare, charsPerToken,
                BuildOptions.DEFAULT_OUTPUT_TOKENS, scoringOptions.choosePriorStrength());
        Map<String, List<String>> aliases = PromptTagging.aliases(tagger.vocabulary().tags());
        RoutingTable table = new TableBuilder().build(dataset, tags, aliases, tagger.name(), options);
        if (curveFolds > 0) {
            EvaluationSettings settings = new EvaluationSettings(curveFolds, seed, mapping, charsPerToken,
                    BuildOptions.DEFAULT_OUTPUT_TOKENS, 10, CURVE_STEPS);
            PoolData data = PoolData.of(dataset, new PoolSpec("table", models), mapping,
                    new CostModel(TokenEncoding.CL100K_BASE.counter(), charsPerToken, BuildOptions.DEFAULT_OUTPUT_TOKENS));
            // The table's own rule, so the curve's knob values mean what they will mean when it is served.
            Variant variant = VariantFactory.base(options.scoring(), options.rule(), minTagCount, maxTagShare,
                    RuleTagger.DEFAULT_MAX_TAGS, options.choosePriorStrength())
                    .withRule(DecisionRule.of(table.decision()));
            table = table.withDecision(OperatingCurve.measure(dataset, data, variant, settings, table.decision(),
                    defaultPreset, aliases));
        }
        if (out.toAbsolutePath().getParent() != null) {
            Files.createDirectories(out.toAbsolutePath().getParent());
        }
        try (OutputStream o = Files.newOutputStream(out)) {
            table = new RoutingTableCodec().write(table, o);
        }
        java.util.Set<String> languageTags = tagger.vocabulary().tags().stream()
                .filter(t -> t.category() == dev.tagrouter.tagging.TagCategory.LANGUAGE)
                .map(dev.tagrouter.tagging.CanonicalTag::name).collect(java.util.stream.Collectors.toSet());
        long tagged = tags.values().stream().filter(t -> !t.isEmpty()).count();
        long contentTagged = tags.values().stream()
                .filter(t -> t.names().stream().anyMatch(n -> !languageTags.contains(n))).count();
        double contentTags = tags.values().stream()
                .mapToLong(t -> t.names().stream().filter(n -> !languageTags.contains(n)).count()).average().orElse(0);
        log.printf("dataset %s: %d prompts; with at least one tag: %d (%.1f%%), %.2f tags per prompt;"
                        + " without script/language tags: %d (%.1f%%), %.2f tags per prompt%n", dataset.name(),
                dataset.prompts().size(), tagged, 100.0 * tagged / dataset.prompts().size(),
                tags.values().stream().mapToInt(t -> t.tags().size()).average().orElse(0), contentTagged,
                100.0 * contentTagged / dataset.prompts().size(), contentTags);
        for (ModelEntry m : table.models()) {
            log.printf("  %-40s accept rate %.3f over %d prompts, %d expected output tokens, $%s/$%s per M%n",
                    m.name(), m.overall().acceptRate(), m.overall().total(), m.expectedOutputTokens(),
                    m.inputUsdPerMTok(), m.outputUsdPerMTok());
        }
        log.printf("scoring %s, %s, prior strength %s; rule %s%n", table.scoring().method(),
                table.scoring().combination(), table.scoring().priorStrength(), table.decision().rule());
        for (Preset p : table.decision().presets()) {
            log.printf("  preset %-8s cost preference %+.4f: held-out accept rate %.3f at %.0f%% of the strongest"
                    + " model's cost (%s)%n", p.name(), p.costPreference(), p.acceptRate(), 100 * p.costShare(),
                    p.promise());
        }
        log.printf("wrote %s: version %s, %d tags (min count %d, max share %s), default preset %s, %s%n", out,
                table.version(), table.tags().size(), minTagCount, maxTagShare, table.decision().defaultPreset(),
                table.checksum());
        return 0;
    }
}
