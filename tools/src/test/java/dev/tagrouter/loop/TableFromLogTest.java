package dev.tagrouter.loop;

import dev.tagrouter.cli.TagrouterCli;
import dev.tagrouter.decision.ExplorationPolicy;
import dev.tagrouter.table.OutcomeCounts;
import dev.tagrouter.table.RoutingTable;
import dev.tagrouter.table.RoutingTableCodec;
import dev.tagrouter.table.TableTag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code build-table --from-log}: a table built from a uniform-exploration log of a dataset matches the table built
 * from the dataset itself within sampling error, cell by cell, and stores each cell's effective sample size.
 */
class TableFromLogTest {

    @Test
    void aUniformExplorationLogRebuildsTheDatasetTable(@TempDir Path dir) throws Exception {
        MmluTraffic traffic = new MmluTraffic();
        RoutingTable fromData = traffic.table("mmlu-from-data", traffic.data.prompts());
        Path base = MmluTables.write(fromData, dir.resolve("base.json"));
        // A floor of 1/2 over two models is uniform exploration: every decision a fair coin.
        MmluTraffic.Served log = traffic.serve(fromData, new ExplorationPolicy(0.05, 0.5, 11),
                traffic.data.prompts(), "u");
        assertTrue(log.decisions().stream().allMatch(e -> e.probabilities().values().stream()
                .allMatch(p -> p == 0.5)), "uniform propensities");
        Path decisions = dir.resolve("logs");
        Files.createDirectories(decisions);
        int half = log.decisions().size() / 2;
        // Split over two files, one gzip'd, read as a folder: as exports land.
        MmluTraffic.writeJsonLines(log.decisions().subList(0, half), decisions.resolve("a.jsonl"));
        Path plain = dir.resolve("b.jsonl");
        MmluTraffic.writeJsonLines(log.decisions().subList(half, log.decisions().size()), plain);
        try (var in = Files.newInputStream(plain);
             var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(decisions.resolve("b.jsonl.gz")))) {
            in.transferTo(out);
        }
        Path outcomes = dir.resolve("outcomes.jsonl");
        MmluTraffic.writeJsonLines(log.outcomes(), outcomes);
        Path table = dir.resolve("from-log.json");
        Path cells = dir.resolve("cells.csv");
        assertEquals(0, TagrouterCli.run("build-table", "--from-log", decisions.toString(), "--outcomes",
                outcomes.toString(), "--base-table", base.toString(), "--out", table.toString(), "--cells",
                cells.toString(), "--table-version", "mmlu-from-log"));
        RoutingTable fromLog = new RoutingTableCodec().read(table);
        assertEquals("mmlu-from-log", fromLog.version());
        assertEquals(log.decisions().size(), fromLog.provenance().prompts());

        Map<String, TableTag> dataTags = fromData.tags().stream().collect(Collectors.toMap(TableTag::name, t -> t));
        Map<String, TableTag> logTags = fromLog.tags().stream().collect(Collectors.toMap(TableTag::name, t -> t));
        List<String[]> rows = Files.readAllLines(cells).stream().skip(1).map(l -> l.split(",")).toList();
        int compared = 0;
        int within = 0;
        double worst = 0;
        for (String[] row : rows) {
            String tag = row[0];
            String model = row[1];
            double estimate = Double.parseDouble(row[3]);
            double ess = Double.parseDouble(row[4]);
            if (logTags.containsKey(tag)) {
                assertEquals(Math.round(ess), logTags.get(tag).outcomes().get(model).total(),
                        "the table stores the cell's effective sample size: " + tag + "/" + model);
            }
            TableTag truth = dataTags.get(tag);
            if (truth == null || ess < 10) {
                continue;
            }
            OutcomeCounts all = truth.outcomes().get(model);
            double p = all.acceptRate();
            // Uniform weights: the estimate is the mean of a sample drawn without replacement from the tag's prompts.
            double variance = Math.max(p * (1 - p), 0.02) / ess * Math.max(0, 1 - ess / all.total());
            double z = variance == 0 ? 0 : Math.abs(estimate - p) / Math.sqrt(variance);
            compared++;
            within += z <= 1.96 ? 1 : 0;
            worst = Math.max(worst, z);
        }
        assertTrue(compared >= 20, "cells compared: " + compared);
        assertTrue(within >= 0.9 * compared, within + " of " + compared + " cells within 1.96 standard errors");
        assertTrue(worst < 4, "worst cell at " + worst + " standard errors");
        for (int m = 0; m < 2; m++) {
            double p = fromData.models().get(m).overall().acceptRate();
            double estimate = fromLog.models().get(m).overall().acceptRate();
            double se = Math.sqrt(p * (1 - p) / fromLog.models().get(m).overall().total() * 0.5);
            assertTrue(Math.abs(estimate - p) < 3 * se, fromData.models().get(m).name() + ": " + estimate + " vs " + p);
        }
    }
}
