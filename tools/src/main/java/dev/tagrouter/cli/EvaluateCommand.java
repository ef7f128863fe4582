package dev.tagrouter.cli;

import dev.tagrouter.evaluation.EvaluationRun;
import dev.tagrouter.evaluation.EvaluationSettings;
import dev.tagrouter.evaluation.PoolData;
import dev.tagrouter.evaluation.PoolReport;
import dev.tagrouter.evaluation.PoolSpec;
import dev.tagrouter.evaluation.PoolSummary;
import dev.tagrouter.evaluation.Transfer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.tagrouter.evaluation.Progress;
import dev.tagrouter.evaluation.ReportWriter;
import dev.tagrouter.evaluation.VariantFactory;
import dev.tagrouter.evaluation.CostModel;
import dev.tagrouter.cost.TokenEncoding;
import dev.tagrouter.tablebuilding.BuildOptions;
import dev.tagrouter.tablebuilding.DatasetReader;
import dev.tagrouter.tablebuilding.OutcomeMapping;
import dev.tagrouter.tablebuilding.PreferenceDataset;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** Cross-validates TagRouter against single models, random routing, kNN and the oracle, and writes a report. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Cross-validate routing on a preference dataset: AR vs cost curves, AUC, headline numbers, "
                + "ablations; writes report.md and PNG plots to --out.")
final class EvaluateCommand implements Callable<Integer> {

    @Option(names = "--data", description = "dataset directory (cross-validation)") Path data;
    @Option(names = "--train", description = "transfer: build on this dataset (whole) ...") Path train;
    @Option(names = "--test", description = "... and route this dataset's prompts (with --train)") Path test;
    @Option(names = "--seeds", defaultValue = "1", description = "cross-validation repeats with seeds seed, seed+1, ..."
            + " (default ${DEFAULT-VALUE}); intervals pool them") int seeds;
    @Option(names = "--out", required = true, description = "report directory (created)") Path out;

    @Option(names = "--pool", split = ",", description = "models of one pool (with --pool-name)")
    List<String> pool = new ArrayList<>();
    @Option(names = "--pool-name", defaultValue = "pool", description = "name of --pool (default ${DEFAULT-VALUE})")
    String poolName;
    @Option(names = "--pools", description = "a named pool NAME=model,model,...; repeatable")
    List<String> pools = new ArrayList<>();

    @Option(names = "--folds", defaultValue = "5", description = "k of k-fold CV (default ${DEFAULT-VALUE})") int folds;
    @Option(names = "--seed", defaultValue = "42", description = "seed of folds and random draws (default ${DEFAULT-VALUE})") long seed;
    @Option(names = "--tie-band", defaultValue = "0.1", description = "half-width d of the tie band (default ${DEFAULT-VALUE})") double tieBand;
    @Option(names = "--reference", description = "reference model for a numeric 'score' column") String reference;

    @Mixin ScoringOptions scoringOptions;
    @Option(names = "--min-tag-count", defaultValue = "" + BuildOptions.DEFAULT_MIN_TAG_COUNT, description = "builder's minimum tag count (default ${DEFAULT-VALUE})") int minTagCount;
    @Option(names = "--max-tag-share", defaultValue = "" + BuildOptions.DEFAULT_MAX_TAG_SHARE, description = "builder's maximum tag share (default ${DEFAULT-VALUE})") double maxTagShare;
    @Option(names = "--chars-per-token", defaultValue = "" + BuildOptions.DEFAULT_CHARS_PER_TOKEN, description = "answer chars per token (default ${DEFAULT-VALUE})") double charsPerToken;
    @Option(names = "--max-tags", defaultValue = "8", description = "most tags per query (default ${DEFAULT-VALUE})") int maxTags;
    @Option(names = "--knn-k", defaultValue = "10", description = "neighbours of the kNN baseline (default ${DEFAULT-VALUE})") int knnK;
    @Option(names = "--theta-steps", defaultValue = "100", description = "quantile steps of the cost-preference grid (default ${DEFAULT-VALUE})") int thetaSteps;
    @Option(names = "--ablations", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "also run the ablation rows (default ${DEFAULT-VALUE}; --no-ablations to skip)") boolean ablations;

    @Spec CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        List<PoolSpec> specs = new ArrayList<>();
        if (!pool.isEmpty()) {
            specs.add(new PoolSpec(poolName, pool));
        }
        pools.stream().map(PoolSpec::parse).forEach(specs::add);
        if ((data == null) == (train == null) || (train == null) != (test == null)) {
            throw new IllegalArgumentException("give either --data (cross-validation) or --train and --test (transfer)");
        }
        PrintWriter err = spec.commandLine().getErr();
        Progress progress = new Progress(err);
        long start = System.nanoTime();
        List<String> warnings = new ArrayList<>();
        PreferenceDataset dataset;
        Transfer transfer = null;
        if (data != null) {
            dataset = new DatasetReader().read(data);
        } else {
            transfer = Transfer.of(new DatasetReader().read(train), new DatasetReader().read(test));
            dataset = transfer.merged();
            if (specs.isEmpty()) {
                specs.add(new PoolSpec("shared", transfer.sharedModels()));
            }
            warnings.add("transfer: built on " + transfer.train().name() + " (" + transfer.train().prompts().size()
                    + " prompts), routed " + transfer.test().name() + " (" + transfer.test().prompts().size()
                    + " prompts); models present in both: " + transfer.sharedModels());
            progress.step(warnings.get(0));
        }
        if (specs.isEmpty()) {
            throw new IllegalArgumentException("name at least one pool with --pool or --pools");
        }
        OutcomeMapping mapping = new OutcomeMapping(tieBand, reference);
        EvaluationSettings settings = new EvaluationSettings(folds, seed, mapping, charsPerToken,
                BuildOptions.DEFAULT_OUTPUT_TOKENS, knnK, thetaSteps);
        CostModel costs = new CostModel(TokenEncoding.CL100K_BASE.counter(), charsPerToken, BuildOptions.DEFAULT_OUTPUT_TOKENS);
        List<PoolData> poolData = new ArrayList<>();
        for (PoolSpec s : specs) {
            poolData.add(PoolData.of(dataset, s, mapping, costs));
        }
        var base = VariantFactory.base(scoringOptions.scoring(), scoringOptions.rule, minTagCount, maxTagShare,
                maxTags, scoringOptions.choosePriorStrength());
        for (PoolData d : poolData) {
            new dev.tagrouter.evaluation.PoolEvaluator(dataset, settings, java.util.Map.of(), Progress.silent())
                    .warmUp(d, base);
        }
        double setup = (System.nanoTime() - start) / 1e9;
        progress.step(String.format(java.util.Locale.ROOT, "read %s and tagged its prompts in %.1f s", dataset.name(), setup));
        Files.createDirectories(out);
        Transfer split = transfer;
        List<PoolReport> reports = new EvaluationRun(settings, progress).run(dataset, poolData, base, ablations,
                seeds, split == null ? null : split::fold, warnings, out);
        List<PoolSummary> summaries = reports.stream().map(PoolReport::summary).toList();
        Files.writeString(out.resolve("summary.json"), new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .writeValueAsString(summaries) + "\n", StandardCharsets.UTF_8);
        // The parse result of a subcommand still lists the subcommand's own name first.
        List<String> args = spec.commandLine().getParseResult().originalArgs();
        String command = "./tagrouter " + String.join(" ", args);
        String md = new ReportWriter().write(new ReportWriter.RunInfo(command, dataset.name(), settings,
                dataset.prices(), setup, Runtime.getRuntime().availableProcessors()), reports);
        Path report = out.resolve("report.md");
        Files.writeString(report, md, StandardCharsets.UTF_8);
        spec.commandLine().getOut().printf("wrote %s, summary.json and %d PNG plots in %.1f s%n", report,
                2 * reports.size(),
                (System.nanoTime() - start) / 1e9);
        return 0;
    }
}
