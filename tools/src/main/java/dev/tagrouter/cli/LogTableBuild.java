package dev.tagrouter.cli;

import dev.tagrouter.ope.LogFiles;
import dev.tagrouter.ope.OutcomeIndex;
import dev.tagrouter.scoring.ScoringParameters;
import dev.tagrouter.table.ModelEntry;
import dev.tagrouter.table.RoutingTable;
import dev.tagrouter.table.RoutingTableCodec;
import dev.tagrouter.tablebuilding.LoggedOutcomeTable;
import dev.tagrouter.tablebuilding.PromptTagging;
import dev.tagrouter.tagging.RuleTagger;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code build-table --from-log}: a table from the router's decision log and outcomes, streamed. */
final class LogTableBuild {

    private final CommandSpec spec;
    private final String log;
    private final String outcomes;
    private final Path baseTable;
    private final Path out;
    private final Path cellsFile;
    private final String version;
    private final int minTagCount;
    private final double maxTagShare;
    private final ScoringOptions scoringOptions;

    LogTableBuild(CommandSpec spec, String log, String outcomes, Path baseTable, Path out, Path cellsFile,
                  String version, int minTagCount, double maxTagShare, ScoringOptions scoringOptions) {
        this.spec = spec;
        this.log = log;
        this.outcomes = outcomes;
        this.baseTable = baseTable;
        this.out = out;
        this.cellsFile = cellsFile;
        this.version = version;
        this.minTagCount = minTagCount;
        this.maxTagShare = maxTagShare;
        this.scoringOptions = scoringOptions;
    }

    int run() throws IOException {
        PrintWriter printer = spec.commandLine().getOut();
        RoutingTable base = new RoutingTableCodec().read(baseTable);
        OutcomeIndex index = OutcomeIndex.read(LogFiles.of(outcomes));
        LoggedOutcomeTable builder = new LoggedOutcomeTable(base);
        long[] read = new long[2];
        String[] tagger = {null};
        LogFiles files = LogFiles.of(log);
        files.forEachDecision(e -> {
            read[0]++;
            double reward = index.reward(e.requestId());
            Double p = e.probabilities() == null ? null : e.probabilities().get(e.chosenModel());
            if (Double.isNaN(reward) || p == null) {
                return;
            }
            read[1]++;
            if (tagger[0] == null) {
                tagger[0] = e.tagger();
            }
            builder.add(e.tags(), e.chosenModel(), p, reward);
        });
        ScoringParameters scoring = base.scoring();
        if (spec.commandLine().getParseResult().hasMatchedOption("--prior-strength")
                && !scoringOptions.choosePriorStrength()) {
            scoring = scoring.withPriorStrength(scoringOptions.scoring().priorStrength());
        }
        Map<String, List<String>> aliases = PromptTagging.aliases(RuleTagger.withCuratedVocabulary().vocabulary()
                .tags());
        RoutingTable table = builder.build(version == null ? base.version() + "-from-log" : version, scoring,
                minTagCount, maxTagShare, aliases, tagger[0] == null ? "unknown" : tagger[0]);
        if (out.toAbsolutePath().getParent() != null) {
            Files.createDirectories(out.toAbsolutePath().getParent());
        }
        try (OutputStream o = Files.newOutputStream(out)) {
            table = new RoutingTableCodec().write(table, o);
        }
        Map<String, Map<String, LoggedOutcomeTable.Cell>> cells = builder.cellsByTag();
        if (cellsFile != null) {
            writeCells(cells);
        }
        printer.printf("decision log %s: %d decisions, %d with an outcome (%d outcomes read, %d duplicates ignored),"
                        + " %d used, %d left out (model not in the pool or no valid propensity/reward)%n", files,
                read[0], read[1], index.size(), index.duplicates(), builder.decisions(), builder.skipped());
        for (ModelEntry m : table.models()) {
            LoggedOutcomeTable.Cell c = builder.overall(m.name());
            printer.printf(Locale.ROOT, "  %-40s %8d decisions, estimated accept rate %.3f, effective sample %.1f%n",
                    m.name(), c.decisions(), c.rate(), c.effectiveSampleSize());
        }
        double[] ess = cells.values().stream().flatMap(r -> r.values().stream())
                .mapToDouble(LoggedOutcomeTable.Cell::effectiveSampleSize).sorted().toArray();
        double k = table.scoring().priorStrength();
        printer.printf(Locale.ROOT, "%d (tag, model) cells: median effective sample %.1f; %d below the prior strength"
                        + " %.0f (mostly the prior), %d empty (exactly the prior)%n", ess.length,
                ess.length == 0 ? 0 : ess[ess.length / 2], Arrays.stream(ess).filter(x -> x < k).count(), k,
                Arrays.stream(ess).filter(x -> Math.round(x) == 0).count());
        printer.printf("wrote %s: version %s, %d tags (min count %d, max share %s), prior strength %s, %s%n", out,
                table.version(), table.tags().size(), minTagCount, maxTagShare, k, table.checksum());
        return 0;
    }

    private void writeCells(Map<String, Map<String, LoggedOutcomeTable.Cell>> cells) throws IOException {
        try (Writer w = Files.newBufferedWriter(cellsFile, StandardCharsets.UTF_8)) {
            w.write("tag,model,decisions,estimate,effective_sample_size\n");
            for (Map.Entry<String, Map<String, LoggedOutcomeTable.Cell>> row : cells.entrySet()) {
                for (Map.Entry<String, LoggedOutcomeTable.Cell> c : row.getValue().entrySet()) {
                    w.write(String.format(Locale.ROOT, "%s,%s,%d,%.6f,%.2f%n", row.getKey(), c.getKey(),
                            c.getValue().decisions(), c.getValue().rate(), c.getValue().effectiveSampleSize()));
                }
            }
        }
    }
}
