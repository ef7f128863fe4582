package dev.tagrouter.cli;

import dev.tagrouter.table.ModelEntry;
import dev.tagrouter.table.RoutingTable;
import dev.tagrouter.table.RoutingTableCodec;
import dev.tagrouter.scoring.ScoreNormalization;
import dev.tagrouter.scoring.ScoringParameters;
import dev.tagrouter.scoring.TagWeighting;
import dev.tagrouter.tablebuilding.BuildOptions;
import dev.tagrouter.tablebuilding.DatasetReader;
import dev.tagrouter.tablebuilding.OutcomeMapping;
import dev.tagrouter.tablebuilding.PreferenceDataset;
import dev.tagrouter.tablebuilding.PromptTagging;
import dev.tagrouter.tablebuilding.TableBuilder;
import dev.tagrouter.tagging.RuleTagger;
import dev.tagrouter.tagging.TagResult;
import picocli.CommandLine.Command;
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

/** Builds a routing table from a preference dataset directory with the embedded rule tagger. */
@Command(name = "build-table", mixinStandardHelpOptions = true,
        description = "Build a routing table from a preference dataset (prompts.jsonl, judgments.csv, models.csv).")
final class BuildTableCommand implements Callable<Integer> {

    @Option(names = "--data", required = true, description = "dataset directory")
    Path data;

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

    @Option(names = "--s-win", defaultValue = "1", description = "score of a win (default ${DEFAULT-VALUE})") double sWin;
    @Option(names = "--s-tie", defaultValue = "0.15", description = "score of a tie (default ${DEFAULT-VALUE})") double sTie;
    @Option(names = "--s-loss", defaultValue = "-1", description = "score of a loss (default ${DEFAULT-VALUE})") double sLoss;

    @Option(names = "--normalization", defaultValue = "COUNTS", description = "COUNTS (paper) or RATES (default ${DEFAULT-VALUE})")
    ScoreNormalization normalization;

    @Option(names = "--weighting", defaultValue = "SATURATING", description = "NONE or SATURATING (default ${DEFAULT-VALUE})")
    TagWeighting weighting;

    @Option(names = "--weight-scale", defaultValue = "1", description = "count scale of the saturating tag weight (default ${DEFAULT-VALUE})")
    double weightScale;

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
        PrintWriter log = spec.commandLine().getOut();
        PreferenceDataset dataset = new DatasetReader().read(data);
        List<String> models = pool.isEmpty() ? dataset.judgedModels().stream()
                .filter(dataset.prices()::containsKey).toList() : pool;
        RuleTagger tagger = RuleTagger.withCuratedVocabulary();
        Map<String, TagResult> tags = PromptTagging.tagAll(dataset.prompts(), tagger);
        BuildOptions options = new BuildOptions(version == null ? dataset.name() + "-dev" : version, models,
                new OutcomeMapping(tieBand, reference),
                new ScoringParameters(sWin, sTie, sLoss, normalization, weighting, weightScale),
                minTagCount, maxTagShare, charsPerToken, BuildOptions.DEFAULT_OUTPUT_TOKENS);
        RoutingTable table = new TableBuilder().build(dataset, tags,
                PromptTagging.aliases(tagger.vocabulary().tags()), tagger.name(), options);
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
        log.printf("wrote %s: version %s, %d tags (min count %d, max share %s), default model %s, %s%n", out,
                table.version(), table.tags().size(), minTagCount, maxTagShare, table.defaultModel(), table.checksum());
        return 0;
    }
}
